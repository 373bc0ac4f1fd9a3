#!/usr/bin/env sh
# The one publish command, shared by the Dockerfile and .ci/run: eng/publish.sh <output folder> [extra dotnet args].
set -eu
out=$1
shift
dotnet publish src/Breakaway.Web/Breakaway.Web.csproj -c Release -o "$out" -p:TreatWarningsAsErrors=true "$@"
