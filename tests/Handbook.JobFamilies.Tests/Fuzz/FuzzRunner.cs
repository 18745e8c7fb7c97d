namespace Handbook.JobFamilies.Tests.Fuzz;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;

/// <summary>
/// Runs a fuzz property. By default a short, deterministic campaign: case <c>i</c> is generated from a fixed seed, so
/// CI runs see the same inputs every time. With <c>HANDBOOK_FUZZ_SECONDS=N</c> (bench/fuzz/run.sh) it is a long, random,
/// multi-threaded CsCheck campaign of N seconds per property. A failure always names the CsCheck seed (rerun it with
/// <c>CsCheck_Seed=&lt;seed&gt;</c> or <c>HANDBOOK_FUZZ_SEED</c>) and prints the input.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>Seconds per property of the long campaign; 0 (unset) means the short deterministic one.</summary>
    public static int CampaignSeconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("HANDBOOK_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;

    /// <summary>Multiplies every per-case time bound (for slow or heavily loaded machines).</summary>
    public static double TimeoutFactor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("HANDBOOK_FUZZ_TIMEOUT_FACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1;

    /// <summary>Where the deterministic seeds start (change it to explore other inputs reproducibly).</summary>
    private static ulong BaseSeed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("HANDBOOK_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : 20261128UL;

    private static readonly object ReportLock = new();

    public static void Run<T>(
        string name, Gen<T> gen, Action<T> property, Action<string> writeLine, Func<T, string> print, int iterations = 200, int seconds = 4, Action<T>? warmUp = null)
    {
        WarmUp(gen, warmUp);

        var cases = 0L;
        var slowestTicks = 0L;
        void Counted(T value)
        {
            var started = Stopwatch.GetTimestamp();
            property(value);
            var ticks = Stopwatch.GetTimestamp() - started;
            Interlocked.Increment(ref cases);
            if (Stopwatch.GetElapsedTime(0, ticks).TotalSeconds >= 1)
            {
                var shown = print(value);
                Report(writeLine, $"{name}: slow case ({Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds:F0} ms): {(shown.Length > 300 ? shown[..300] + " …" : shown)}");
            }

            lock (ReportLock)
            {
                slowestTicks = Math.Max(slowestTicks, ticks);
            }
        }

        string Slowest() => $"slowest case {Stopwatch.GetElapsedTime(0, slowestTicks).TotalMilliseconds:F0} ms";

        var clock = Stopwatch.StartNew();
        if (CampaignSeconds > 0)
        {
            // One thread per property (the test classes already run in parallel) keeps the time bounds meaningful; a
            // case that misses its bound is rerun once, as in the short campaign.
            var transient = 0L;
            void RetriedOnce(T value)
            {
                try
                {
                    Counted(value);
                }
                catch (Exception ex) when (IsTimeout(ex))
                {
                    Counted(value);
                    Interlocked.Increment(ref transient);
                }
            }

            gen.Sample(RetriedOnce, writeLine, iter: long.MaxValue, time: CampaignSeconds, threads: 1, print: print);
            Report(writeLine, $"{name}: {cases} cases passed in {clock.Elapsed.TotalSeconds:F1} s (random campaign, {CampaignSeconds} s), {Slowest()}, {transient} passed only on a rerun");
            return;
        }

        var generationTicks = 0L;
        for (var i = 0; i < iterations && clock.Elapsed.TotalSeconds < seconds; i++)
        {
            // The seed string is CsCheck's own format: a failing case reruns through Sample, which prints the seed
            // and the input the way CsCheck always does.
            var seed = new PCG(1, BaseSeed + (ulong)i).ToString();
            T value;
            var generating = Stopwatch.GetTimestamp();
            try
            {
                value = gen.Generate(PCG.Parse(seed), null, out _);
                generationTicks += Stopwatch.GetTimestamp() - generating;
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"{name}: the generator failed for seed {seed}", ex);
            }

            try
            {
                Counted(value);
            }
            catch (Exception ex) when (IsTimeout(ex))
            {
                // On a loaded machine a case can miss its bound once; a real hang misses it again. The rerun throws
                // CsCheck's report (seed and input) when it times out again.
                gen.Sample(property, writeLine, seed: seed, iter: 1, threads: 1, print: print);
                Report(writeLine, $"{name}: case {seed} missed its time bound once and passed on the rerun (machine load)");
            }
            catch (Exception)
            {
                gen.Sample(property, writeLine, seed: seed, iter: 1, threads: 1, print: print);
                throw;
            }
        }

        Report(writeLine, $"{name}: {cases} cases passed in {clock.Elapsed.TotalSeconds:F1} s (deterministic, seeds from {BaseSeed}), {Slowest()}, generating took {Stopwatch.GetElapsedTime(0, generationTicks).TotalSeconds:F1} s");
    }

    /// <summary>
    /// The first call of each code path pays for JIT compilation (seconds on a loaded machine), which is not a hang:
    /// run the untimed <paramref name="warmUp"/> on a few inputs first. Its failures are ignored here; the timed
    /// campaign meets the same inputs and reports them with their seeds.
    /// </summary>
    private static void WarmUp<T>(Gen<T> gen, Action<T>? warmUp)
    {
        if (warmUp is null)
        {
            return;
        }

        for (var i = 0UL; i < 3; i++)
        {
            try
            {
                warmUp(gen.Generate(PCG.Parse(new PCG(1, BaseSeed + i).ToString()), null, out _));
            }
#pragma warning disable CA1031 // see the summary: the campaign reports these
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> with a time bound; a hang or runaway is a failure (the stuck thread is left behind,
    /// the test reports it). The bound grows with the input: <paramref name="perHundredKb"/> per started 100 KB.
    /// 5 s, not 2: inputs that take ~0.1 s on an idle machine (5,000 nested '[' in grade YAML) took over 2 s at a load
    /// of 25-39 on these shared 2-core machines; a hang or a quadratic blow-up still takes far longer than 5 s.
    /// </summary>
    public static void WithinTime(int inputLength, Action action, double perHundredKb = 5.0) =>
        WithinTime(inputLength, _ => action(), perHundredKb);

    /// <summary>
    /// As above, for work whose real size is only known part-way: the action reports text it made (an ERB page's
    /// expansion) to the <see cref="TimeBudget"/>, which extends the bound by the same rate. Why: a 66 KB page of
    /// ≈ 1,000 <c>partial()</c> calls legitimately expands to megabytes; bounding it by its 66 KB missed the bound twice
    /// under disk load. A hang in the expansion itself still misses the bound of the input.
    /// </summary>
    public static void WithinTime(int inputLength, Action<TimeBudget> action, double perHundredKb = 5.0)
    {
        var budget = new TimeBudget(perHundredKb * TimeoutFactor);
        budget.Add(inputLength);
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() => action(budget), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            var left = budget.Bound - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"did not finish within {budget.Bound.TotalSeconds:F1} s for a {inputLength}-character input ({budget.Characters} characters with its expansions)");
            }

            // Wakes up at the latest when the bound known now runs out; the bound may have grown meanwhile.
            task.Wait(left);
        }

        task.GetAwaiter().GetResult();
    }

    /// <summary>The time a fuzz case may take: the rate per started 100 KB of all the text it has reported.</summary>
    internal sealed class TimeBudget(double secondsPerHundredKb)
    {
        private long characters;

        public long Characters => Interlocked.Read(ref characters);

        public TimeSpan Bound => TimeSpan.FromSeconds(secondsPerHundredKb * Math.Max(1, Math.Ceiling(Characters / 100_000.0)));

        /// <summary>Counts <paramref name="count"/> more characters of work (input, or text the work made).</summary>
        public void Add(long count) => Interlocked.Add(ref characters, count);
    }

    private static bool IsTimeout(Exception ex) =>
        ex is TimeoutException || (ex.InnerException is { } inner && IsTimeout(inner));

    /// <summary>An input as a C# string literal, cut to a readable length (with its full length).</summary>
    public static string Show(string text, int max = 3000)
    {
        var cut = text.Length > max ? text[..max] : text;
        var sb = new StringBuilder("\"");
        foreach (var c in cut)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        sb.Append('"');
        return $"[{text.Length} chars] " + (text.Length > max ? sb + " …" : sb.ToString());
    }

    private static void Report(Action<string> writeLine, string line)
    {
        lock (ReportLock)
        {
            writeLine(line);
            Console.WriteLine(line);
        }
    }
}
