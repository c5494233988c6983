"""How a deployment runs the service: address, token, limits, CORS."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr

from opengov._model import FrozenModel
from opengov.errors import InvalidInputError

__all__ = ["TOKEN_ENV", "ServerSettings"]

#: The environment variable holding the bearer token the service requires.
TOKEN_ENV = "OPENGOV_TOKEN"


class ServerSettings(FrozenModel):
    """The settings of one service (see :mod:`opengov.server`).

    ``token``: when set, every endpoint but ``/health`` needs ``Authorization:
    Bearer <token>``. ``cors_origins``: the browser origins allowed to call the
    service (none by default: CORS off). The limits bound what one request costs:
    ``max_json_bytes`` for JSON bodies, ``max_report_bytes`` for an uploaded report
    file, ``body_timeout_seconds`` for a body to arrive, ``report_timeout_seconds``
    for reading one report, ``report_workers`` reports read at once.

    >>> ServerSettings().host, ServerSettings().port
    ('127.0.0.1', 8000)
    """

    host: str = Field(default="127.0.0.1", min_length=1, max_length=255)
    port: int = Field(default=8000, ge=0, le=65535, strict=True)
    token: SecretStr | None = None
    cors_origins: tuple[str, ...] = ()
    max_json_bytes: int = Field(default=1 << 20, ge=1024, strict=True)
    max_report_bytes: int = Field(default=20 << 20, ge=1024, strict=True)
    body_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    report_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    report_workers: int = Field(default=2, ge=1, le=64, strict=True)

    @classmethod
    def from_env(cls, *, token_file: str | None = None, **values: object) -> ServerSettings:
        """Settings with the token from ``token_file`` or else ``$OPENGOV_TOKEN``.

        A token file holds the token on its first line; an empty token is refused
        (it would let anyone in while looking protected).
        """
        token: str | None
        if token_file is not None:
            try:
                text = Path(token_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidInputError(
                    f"cannot read the token file {token_file!r}: {exc}; give a readable "
                    "UTF-8 file holding the token"
                ) from None
            token = text.splitlines()[0].strip() if text.strip() else ""
        else:
            token = os.environ.get(TOKEN_ENV)
        if token is not None and len(token) < 16:
            raise InvalidInputError(
                "the token must be at least 16 characters (e.g. from "
                "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
            )
        return cls.model_validate({**values, "token": token})
