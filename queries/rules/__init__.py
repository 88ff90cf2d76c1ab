"""The joint-punishment rule catalogue: schema, shipped rule files, loading."""
