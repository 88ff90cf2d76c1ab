# The creditgraph API image used by docker-compose.yml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph_service graph_service
COPY loaders loaders
COPY search search
COPY queries queries
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["creditgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
