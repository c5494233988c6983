"""The opengov service (政府信息公开条例 as an HTTP service, Arts. 12, 17-18, 26, 30-36, 49-50).

``opengov serve`` runs :func:`create_app` under uvicorn so that systems written in
any language can use the library over HTTP: versioned JSON endpoints under
``/v1/`` for the vocabulary and JSON Schemas, the working-day calendar, reply
deadlines with every counting option, applications (a history of events replayed
into status, deadlines with explanations, remedy periods and the report row; one
more event recorded with the library's own checks), annual-report checks (a file
in any form the library reads), the statute book (every dated parameter, and the
value in force on a day), proactive disclosure (a decision's review trail replayed
into its publication deadline, timeliness and re-evaluation day) and catalogue
records (a metadata block read). ``/`` is a report-check page for people,
``/openapi.json`` the contract, ``/health`` a liveness probe. Errors are RFC 9457
``application/problem+json`` with the opengov error ``code``. It binds 127.0.0.1
by default, requires a bearer token when one is configured, and bounds body
sizes and report-reading time. Needs the ``server`` extra (FastAPI, uvicorn).

Legal basis:
    - ogi-2019:30, ogi-2019:31, ogi-2019:33, ogi-2019:36, ogi-2019:50, ogi-2019:12,
      ogi-2019:17, ogi-2019:18, ogi-2019:26 (through the library calls each endpoint
      makes; every result carries its own citations).

>>> from opengov.server import ServerSettings
>>> ServerSettings(port=8080).host
'127.0.0.1'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opengov.server._settings import TOKEN_ENV, ServerSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from opengov.calendar import WorkdayCalendar

__all__ = ["TOKEN_ENV", "ServerSettings", "create_app", "serve"]


def _require_extra() -> None:
    from opengov.errors import MissingExtraError

    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError(
            f"the opengov service needs FastAPI and uvicorn ({exc.name} is missing); "
            'install them with: pip install "opengov-cn[server]"'
        ) from None


def create_app(
    settings: ServerSettings | None = None, *, calendar: WorkdayCalendar | None = None
) -> FastAPI:
    """The ASGI application (FastAPI) for ``settings``.

    ``calendar`` is the working-day calendar every answer counts on; by default the
    deployment's (:func:`~opengov.calendar.default_calendar`: the bundled notices and
    those installed). Raises :class:`~opengov.errors.MissingExtraError` without the
    ``server`` extra.
    """
    _require_extra()
    from opengov.server._app import build_app

    return build_app(ServerSettings() if settings is None else settings, calendar)


def serve(settings: ServerSettings | None = None, **uvicorn_options: Any) -> None:
    """Run the service with uvicorn until interrupted (what ``opengov serve`` does)."""
    _require_extra()
    import uvicorn

    chosen = ServerSettings() if settings is None else settings
    uvicorn.run(
        create_app(chosen),
        host=chosen.host,
        port=chosen.port,
        log_level=str(uvicorn_options.pop("log_level", "info")),
        server_header=False,
        **uvicorn_options,
    )
