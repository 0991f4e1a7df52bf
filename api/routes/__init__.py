"""Thin controllers: parse, call the service, shape the HTTP answer."""
