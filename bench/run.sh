#!/usr/bin/env bash
# Benchmarks: pipeline vs the raw and Durable floors, the engine's settings, cost growth, the two messaging adapters,
# per-message micro benchmarks; writes bench/RESULTS.md.
#   bash bench/run.sh [--quick] [--profile]
#     --quick: smaller counts, BenchmarkDotNet short run (a few minutes)
#     --profile: also samples the departure node during the pipeline run with dotnet-trace (installed into .tools)
#   Cost growth against a real storage account (the sizes the emulator cannot hold), the rest as usual:
#     C2C_BENCH_STORAGE_CONNECTION_STRING='...' C2C_BENCH_GROWTH_SIZES=10000,100000,1000000 bash bench/run.sh
# Starts its own local stack (loopback, ports of its own: C2C_BENCH_AZURITE_BLOB_PORT etc. below, to run beside another
# session's stack) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
quick=""; profile=false
for arg in "$@"; do case "$arg" in --quick) quick="--quick" ;; --profile) profile=true ;; esac; done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/setup.sh >/dev/null

export C2C_STACK_DIR="$ROOT/.stack/bench"
: "${C2C_BENCH_AZURITE_BLOB_PORT:=10300}" "${C2C_BENCH_AZURITE_QUEUE_PORT:=10301}" "${C2C_BENCH_AZURITE_TABLE_PORT:=10302}"
: "${C2C_BENCH_RABBIT_PORT:=5882}" "${C2C_BENCH_RABBIT_DIST_PORT:=25882}" "${C2C_BENCH_EPMD_PORT:=4579}" "${C2C_BENCH_RABBIT_MGMT_PORT:=15882}"
export C2C_AZURITE_BLOB_PORT=$C2C_BENCH_AZURITE_BLOB_PORT C2C_AZURITE_QUEUE_PORT=$C2C_BENCH_AZURITE_QUEUE_PORT C2C_AZURITE_TABLE_PORT=$C2C_BENCH_AZURITE_TABLE_PORT
export C2C_RABBIT_PORT=$C2C_BENCH_RABBIT_PORT C2C_RABBIT_DIST_PORT=$C2C_BENCH_RABBIT_DIST_PORT C2C_EPMD_PORT=$C2C_BENCH_EPMD_PORT C2C_RABBIT_MGMT_PORT=$C2C_BENCH_RABBIT_MGMT_PORT
export C2C_AZURITE_ACCESS_LOG=1   # the bench counts storage requests from Azurite's access log
# The nodes' task hubs (and the Durable floor's) in a second Azurite account: the access log tells their requests from ours.
export C2C_AZURITE_TASKHUB_ACCOUNT=c2ctaskhubs
# No periodic save of Azurite's whole database to disk: it stalls the emulator more the fuller it gets, which a real
# account does not do; the bench never restarts the emulator, so it needs no persistence.
export C2C_AZURITE_IN_MEMORY=1
bash scripts/stack/stop.sh all >/dev/null 2>&1 || true
rm -rf "$C2C_STACK_DIR"   # every run from empty storage: growth sizes mean what they say
bash scripts/stack/start.sh all
trap 'bash scripts/stack/stop.sh all' EXIT
source "$C2C_STACK_DIR/env"

dotnet build bench/C2C.Bench -c Release -v q -nologo >/dev/null
bench="dotnet $ROOT/bench/C2C.Bench/bin/Release/net10.0/C2C.Bench.dll"
out="$ROOT/bench/out"; mkdir -p "$out"
rm -f "$out/profile.md"
if $profile; then
  trace="$ROOT/.tools/dotnet-trace/dotnet-trace"
  [ -x "$trace" ] || dotnet tool install dotnet-trace --version 10.0.750501 --tool-path "$ROOT/.tools/dotnet-trace" >/dev/null
  $bench pipeline $quick --out "$out/pipeline.md" & bench_pid=$!
  # The departure node is the C2C.Node process configured for TG on this bench's Azurite (other sessions run nodes
  # too); sample its threads for 10 s mid-run.
  tg=""
  for _ in $(seq 1 240); do
    for p in $(pgrep -f C2C.Node.dll || true); do
      env_of=$(tr '\0' '\n' < "/proc/$p/environ" 2>/dev/null || true)
      grep -q '^C2C__Identity__Country=TG' <<< "$env_of" && grep -q "127.0.0.1:$C2C_AZURITE_BLOB_PORT/" <<< "$env_of" && tg=$p
    done
    [ -n "$tg" ] && break; sleep 0.5
  done
  if [ -n "$tg" ]; then
    sleep 15
    timeout 120 "$trace" collect -p "$tg" --profile dotnet-sampled-thread-time --duration 00:00:00:10 -o "$out/departure.nettrace" >/dev/null 2>&1 || true
    { echo "Sampled thread time of the departure (TG) node, 10 s during the pipeline run (dotnet-trace, top 15 exclusive):"; echo; echo '```'
      "$trace" report "$out/departure.nettrace" topN -n 15 2>/dev/null | cut -c1-110; echo '```'; } > "$out/profile.md"
  fi
  wait "$bench_pid"
else
  $bench pipeline $quick --out "$out/pipeline.md"
fi
$bench engine $quick --count "$([ -n "$quick" ] && echo 100 || echo 300)" --out "$out/engine.md"
$bench brokers $quick --out "$out/brokers.md"
$bench growth $quick ${C2C_BENCH_GROWTH_SIZES:+--sizes "$C2C_BENCH_GROWTH_SIZES"} --out "$out/growth.md"
(cd "$out" && $bench micro $quick --out "$out/micro.md")

{
  echo "# Benchmark results"
  echo
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC')$( [ -n "$quick" ] && echo ' (quick mode)'), by \`bash bench/run.sh $*\`."
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM,"
  echo ".NET $(dotnet --version), $(. /etc/os-release; echo "$PRETTY_NAME"); Azurite $("${C2C_TOOLS_DIR:-.tools}"/azurite/node_modules/.bin/azurite --version 2>/dev/null) and RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server) on loopback, same machine."
  echo "Figures are from one run; compare ratios within it, not absolute numbers across machines (noisy, shared 2 cores)."
  echo
  echo "## End to end vs the raw and Durable floors"; echo; cat "$out/pipeline.md"; echo
  [ -f "$out/profile.md" ] && { cat "$out/profile.md"; echo; }
  echo "## The engine's settings, on the Durable floor"; echo; cat "$out/engine.md"; echo
  echo "## Messaging adapters: publish → consume"; echo; cat "$out/brokers.md"; echo
  echo "## Cost growth"; echo; cat "$out/growth.md"; echo
  echo "## Per message: parse, validation, signing"; echo; cat "$out/micro.md"; echo
  [ -f bench/ANALYSIS.md ] && cat bench/ANALYSIS.md
} > bench/RESULTS.md
echo "written: bench/RESULTS.md"
