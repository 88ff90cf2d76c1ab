"""Named dependencies, so a route's needs read from its signature."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph_service.services import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
