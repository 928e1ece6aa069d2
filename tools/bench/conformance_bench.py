"""Times every conformance program (src/test/resources/conformance, those that end in an error left out) with
runpy in this one process once torch is imported, one thread: warm-up runs, then the medians of the measured
runs' wall time and the mean of the process CPU time over them, one program a line as `name<TAB>wall ms<TAB>CPU ms`. The counterpart of
src/bench/java/dev/optimlab/bench/ConformanceBench.java; tools/bench/conformance-bench.sh runs both in turn.
Run: /usr/bin/python3 tools/bench/conformance_bench.py [corpus dir] [warm-up runs] [measured runs] [corpus rounds]
[name... | -] (with `-` the names are read from stdin, one a line, each answered as soon as it is timed; corpus rounds
run the whole corpus that many times before any timing, as the Java side does)."""
import contextlib, io, os, runpy, statistics, sys, tempfile, time, warnings
import torch

torch.set_num_threads(1)
warnings.simplefilter("ignore")
corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/conformance")
warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 20
measured = int(sys.argv[3]) if len(sys.argv) > 3 else 15
corpus_rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 0
only = sys.argv[5:]
names = sorted(f[:-3] for f in os.listdir(corpus)
               if f.endswith(".py") and not os.path.exists(os.path.join(corpus, f[:-3] + ".err")))
os.chdir(tempfile.mkdtemp(prefix="conformance-bench"))  # torch.save writes here, as into the learner's workspace


def run(name):
    with open(os.path.join(corpus, name + ".out")) as f:
        expected = f.read()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(os.path.join(corpus, name + ".py"), run_name="__main__")
    if out.getvalue() != expected:
        sys.exit(f"{name}.py printed something else than its .out")


def time_program(name):
    wall = []
    for i in range(warmup + measured):
        if i == warmup:
            cpu_start = time.process_time()
        start = time.perf_counter()
        run(name)
        elapsed = time.perf_counter() - start
        if i >= warmup:
            wall.append(elapsed * 1e3)
    cpu = (time.process_time() - cpu_start) * 1e3 / measured
    print(f"{name}\t{statistics.median(wall):.3f}\t{cpu:.3f}", flush=True)


for _ in range(corpus_rounds):
    for name in names:
        run(name)
if only == ["-"]:
    for line in sys.stdin:
        time_program(line.strip())
else:
    for name in names:
        if not only or name in only:
            time_program(name)
