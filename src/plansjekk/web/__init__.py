"""plansjekk serve: the local web page (upload, report beside the plan text, JSON API)."""
