"""One error model for every API response that is not a success."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from graph_service.errors import CreditGraphError


class ErrorResponse(BaseModel):
    error: str = Field(examples=["NotFoundError"])
    message: str = Field(examples=["no node with id 'E-x'"])
    detail: dict[str, Any] = Field(default_factory=dict)


def install_error_handlers(app: FastAPI) -> None:
    """Map the product's error tree to HTTP statuses once, for every route."""

    @app.exception_handler(CreditGraphError)
    async def _handle(request: Request, error: CreditGraphError) -> JSONResponse:
        body = ErrorResponse(error=type(error).__name__, message=error.message, detail=error.detail)
        return JSONResponse(status_code=error.status_code, content=body.model_dump(mode="json"))
