"""The FastAPI app factory: routers, error handlers and the backends' lifetime in one place."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from graph_service.api.errors import ErrorResponse, install_error_handlers
from graph_service.api.routes import entities, screening, search, system
from graph_service.services import open_services
from graph_service.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the API; backends open at start-up and close at shutdown."""
    chosen = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.services = open_services(chosen)
        try:
            yield
        finally:
            app.state.services.close()

    app = FastAPI(
        title="creditgraph",
        version="0.1.0",
        description=(
            "Knowledge graph and search over public credit relations: enterprises, persons, "
            "credit records and the relations that carry restrictions (一处失信、处处受限)."
        ),
        lifespan=lifespan,
        responses={
            400: {"model": ErrorResponse},
            404: {"model": ErrorResponse},
            409: {"model": ErrorResponse},
            503: {"model": ErrorResponse},
        },
    )
    install_error_handlers(app)
    app.include_router(system.router)
    app.include_router(entities.router)
    app.include_router(search.router)
    app.include_router(screening.router)
    return app
