# Two stages: build a static binary (pure-Go SQLite, CGO_ENABLED=0), then run
# it on distroless as a non-root user. Data lives in the /data volume.
#
# Base images are pinned by digest, so a rebuild gets the same bases. The
# digests below were not read from the registries (the machine this was
# written on has no Docker engine): they are digests of these tags as found
# in public Dockerfiles, the distroless one dated 2026-08-26. Before a
# release, check and refresh them:
#   docker buildx imagetools inspect golang:1.26
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot
# (or `crane digest IMAGE`), and put the index digest after the "@".
ARG GO_IMAGE=golang:1.26@sha256:595c7847cff97c9a9e76f015083c481d26078f961c9c8dca3923132f51fe12f1
ARG RUN_IMAGE=gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab

FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/strikebot ./cmd/strikebot \
 && mkdir -p /out/data \
 && sed -e 's|^db: .*|db: sqlite:/data/strikebot.db|' -e 's|^listen: .*|listen: ":9090"|' strikebot.example.yaml > /out/strikebot.yaml

FROM ${RUN_IMAGE}
COPY --from=build /out/strikebot /strikebot
COPY --from=build --chown=65532:65532 /out/data /data
# The image's own configuration: the example, with the database in the
# volume and /healthz and /metrics on every interface. Mount your own
# strikebot.yaml over it (or point STRIKEBOT_CONFIG elsewhere): its db: and
# listen: then apply, since no environment variable here overrides them.
COPY --from=build /out/strikebot.yaml /etc/strikebot/strikebot.yaml
ENV STRIKEBOT_CONFIG=/etc/strikebot/strikebot.yaml
# A relative database path (the default sqlite:strikebot.db) lands in the volume.
WORKDIR /data
VOLUME ["/data"]
# 9090: /healthz and /metrics (listen). 8080: Slack's requests in HTTP mode (slack.listen).
EXPOSE 9090 8080
USER nonroot:nonroot
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/strikebot", "healthcheck"]
ENTRYPOINT ["/strikebot"]
CMD ["run"]
