"""Engines that run the pipeline over many articles: local (one process or a pool) and Dask.

Stage code never imports an engine; engines only decide where
`frontlines.pipeline.process_batch` runs and write its results to the store.
"""
