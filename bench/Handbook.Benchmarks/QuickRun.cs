namespace Handbook.Benchmarks;

using System.Diagnostics;

/// <summary>
/// <c>--quick</c>: each stage of <see cref="PageStageBenchmarks"/> timed with a stopwatch for about a second per page,
/// median of 5 batches. Seconds instead of BenchmarkDotNet's minutes, for checking an optimisation while working.
/// </summary>
public static class QuickRun
{
    public static void Run(TimeSpan perStage, string? onlyStage = null)
    {
        Console.WriteLine($"{"page",-16} {"stage",-12} {"µs/op",10} {"KiB/op",10}");
        foreach (var page in BenchmarkPages.All)
        {
            var b = new PageStageBenchmarks { Page = page };
            b.Setup();
            (string Name, Func<object> Run)[] stages =
            [
                ("FrontMatter", b.FrontMatter), ("ParsePlain", b.ParsePlain), ("Parse", b.Parse), ("Model", b.Model), ("Grades", b.Grades),
                ("Extends", b.Extends), ("Render", b.Render), ("Sanitize", b.Sanitize),
            ];
            foreach (var (name, run) in stages)
            {
                if (onlyStage is not null && !string.Equals(onlyStage, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                Console.WriteLine($"{page,-16} {name,-12} {MedianMicroseconds(run, perStage),10:F1} {AllocatedKibibytes(run),10:F1}");
            }
        }
    }

    /// <summary>Bytes one call allocates on this thread (deterministic, unlike the time on a shared machine).</summary>
    private static double AllocatedKibibytes(Func<object> run)
    {
        GC.KeepAlive(run());
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(run());
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0;
    }

    private static double MedianMicroseconds(Func<object> run, TimeSpan budget)
    {
        var warmup = Stopwatch.StartNew();
        var n = 0;
        while (warmup.Elapsed < budget / 4 || n < 3)
        {
            GC.KeepAlive(run());
            n++;
        }

        var perBatch = Math.Max(1, (int)(n * 0.75 / 5 * 4 / 3));
        var batches = new double[5];
        for (var i = 0; i < batches.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            for (var j = 0; j < perBatch; j++)
            {
                GC.KeepAlive(run());
            }

            batches[i] = watch.Elapsed.TotalMicroseconds / perBatch;
        }

        Array.Sort(batches);
        return batches[batches.Length / 2];
    }
}
