"""Model loading and the gazetteer entity ruler."""
