import pytest

from frontlines.config import load_settings
from frontlines.errors import ConfigError


def test_layers_override_in_order(tmp_path) -> None:  # noqa: ANN001
    toml = tmp_path / "frontlines.toml"
    toml.write_text('[frontlines]\ndb = "from_file.db"\nbatch_size = 8\nmodel = "file_model"\n')
    env = {"FRONTLINES_DB": "from_env.db", "FRONTLINES_BATCH_SIZE": "16"}
    s = load_settings({"db": "from_cli.db", "workers": None}, env=env, config_file=toml)
    assert (s.db, s.batch_size, s.model, s.workers) == ("from_cli.db", 16, "file_model", 1)
    assert load_settings(env={}, config_file=tmp_path / "missing.toml").db == "frontlines.db"


@pytest.mark.parametrize(
    ("content", "env"),
    [('[frontlines]\nnot_a_setting = 1\n', {}), ("db = [unclosed", {}), ("", {"FRONTLINES_BATCH_SIZE": "many"})],
)
def test_bad_configuration_is_a_clear_error(tmp_path, content: str, env: dict) -> None:  # noqa: ANN001
    toml = tmp_path / "f.toml"
    toml.write_text(content)
    with pytest.raises(ConfigError) as err:
        load_settings(env=env, config_file=toml)
    assert err.value.code == "E901"


def test_gazetteer_path_defaults_to_data_dir(tmp_path) -> None:  # noqa: ANN001
    s = load_settings({"data_dir": str(tmp_path)}, env={})
    assert s.gazetteer_path == tmp_path / "gazetteer.sqlite"
