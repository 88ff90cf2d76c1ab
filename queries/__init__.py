"""Graph reasoning over fetched subgraphs: subjects, entity views, paths, screening."""
