# parklined in a container: built on the official Swift image, run on a slim
# Debian with only what the binary needs. Used by docker-compose.yml.
ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
# Pages reads HTML and feeds with libxml2, found through pkg-config.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so editing Parkline's sources reuses this layer.
COPY Package.swift ./
RUN swift package resolve
COPY Sources Sources
COPY db db
RUN swift build -c release --product parklined --static-swift-stdlib \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir -p /out \
    && cp "$bin/parklined" /out/ \
    && cp -R "$bin"/*.resources /out/

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata libcurl4 libxml2 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app parkline
WORKDIR /app
# The binary finds its bundled migrations and web page next to itself.
COPY --from=build /out/ /app/
COPY seeds /app/seeds
USER parkline
ENV PARKLINE_HOST=0.0.0.0 \
    PARKLINE_PORT=8080
EXPOSE 8080
ENTRYPOINT ["/app/parklined"]
