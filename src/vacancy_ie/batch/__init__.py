"""Many notices: reading inputs, extraction in order with per-document isolation, writers, Dask."""
