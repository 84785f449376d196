"""gunicorn's settings for `gunicorn forbund.wsgi`, read from the checkout's top folder (the
folder gunicorn is started in; `--config` names another). The access log goes through
forbund.logg.GunicornLogger: a survey link is logged as its route, /e/<kod>/, never with the
code, and without the client's address (docs/anonymitet.md)."""

logger_class = "forbund.logg.GunicornLogger"
