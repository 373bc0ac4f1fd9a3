# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image builds and publishes; the smaller ASP.NET runtime image runs it as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files only, so this layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Breakaway.Web/Breakaway.Web.csproj src/Breakaway.Web/
RUN dotnet restore src/Breakaway.Web/Breakaway.Web.csproj

# Then the code and the articles (content/ is copied into the publish output by the project file).
COPY src/ src/
COPY content/ content/
RUN dotnet publish src/Breakaway.Web/Breakaway.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# SQLite data (and, later, data-protection keys) live on a volume owned by the non-root app user.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Breakaway="Data Source=/data/breakaway.db"
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]

USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "Breakaway.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Breakaway.Web.dll"]
