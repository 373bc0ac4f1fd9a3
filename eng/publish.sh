#!/usr/bin/env sh
# The one publish command, shared by the Dockerfile and .ci/run: eng/publish.sh <output folder> [extra dotnet args].
# Framework-dependent for one runtime (BREAKAWAY_RID, default linux-x64): a portable publish carried SkiaSharp's
# native files for every platform (515 MB instead of 27 MB).
set -eu
out=$1
shift
dotnet publish src/Breakaway.Web/Breakaway.Web.csproj -c Release -o "$out" -r "${BREAKAWAY_RID:-linux-x64}" --self-contained false \
    -p:TreatWarningsAsErrors=true "$@"
