"""Chinese search: the jieba dictionary and the tidy-up of the built search index."""
