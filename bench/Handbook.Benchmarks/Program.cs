using BenchmarkDotNet.Running;
using Handbook.Benchmarks;

// `--quick [STAGE]`: a stopwatch pass over every stage, or one (seconds); anything else goes to BenchmarkDotNet, e.g.
// `-- --filter '*Sanitize*' --job short`.
if (args.Length > 0 && args[0] == "--quick")
{
    QuickRun.Run(TimeSpan.FromSeconds(1), args.Length > 1 ? args[1] : null);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PageStageBenchmarks).Assembly).Run(args);
return 0;
