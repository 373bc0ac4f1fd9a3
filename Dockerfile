# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image publishes with eng/publish.sh (the same script .ci/run uses); the smaller ASP.NET
# runtime image runs the result as the image's non-root "app" user. See README, "Running in containers".

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files only, so this layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Breakaway.Web/Breakaway.Web.csproj src/Breakaway.Web/
# For this image's architecture only: a portable publish would carry SkiaSharp's native files for every platform.
ARG TARGETARCH
RUN dotnet restore src/Breakaway.Web/Breakaway.Web.csproj -r "linux-$(if [ "$TARGETARCH" = arm64 ]; then echo arm64; else echo x64; fi)"

# Then the code and the articles (content/ is copied into the publish output by the project file).
COPY eng/ eng/
COPY src/ src/
COPY content/ content/
RUN BREAKAWAY_RID="linux-$(if [ "$TARGETARCH" = arm64 ]; then echo arm64; else echo x64; fi)" sh eng/publish.sh /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# SQLite data lives on a volume owned by the non-root user. The Data Protection keys live in the database, so
# this one volume is all the state (with PostgreSQL there is none: set Database__Provider and the connection string).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Sqlite \
    ConnectionStrings__Breakaway="Data Source=/data/breakaway.db"
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]

USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD ["dotnet", "Breakaway.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Breakaway.Web.dll"]
