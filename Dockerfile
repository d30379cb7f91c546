# Two stages: build a static binary (pure-Go SQLite, no cgo), then run it on
# distroless as a non-root user. Data lives in the /data volume.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/strikebot ./cmd/strikebot \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/strikebot /strikebot
COPY --from=build --chown=65532:65532 /out/data /data
COPY strikebot.example.yaml /etc/strikebot/strikebot.yaml
ENV STRIKEBOT_CONFIG=/etc/strikebot/strikebot.yaml \
    STRIKEBOT_DB=sqlite:/data/strikebot.db \
    STRIKEBOT_LISTEN=0.0.0.0:9090
VOLUME ["/data"]
EXPOSE 9090
USER nonroot:nonroot
ENTRYPOINT ["/strikebot"]
CMD ["run"]
