// Measures the preview's edit-to-reload latency: see bench/preview-latency.sh and docs/readme-preview.md.
using System.Globalization;
using Handbook.PreviewLatency;

var options = LatencyOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LatencyOptions.Usage);
    return 2;
}

var run = await LatencyRun.StartAsync(options);
await using (run)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Label}: first build {run.FirstBuild.Report.PageCount} pages in {run.FirstBuild.Report.Elapsed.TotalMilliseconds:0} ms"));
    var samples = await run.MeasureAsync(options.Edits);
    Console.WriteLine(LatencySummary.Format(options.Label, samples));
    Console.WriteLine("  stages of the last edit's build:");
    Console.WriteLine(run.LastTimings);
    Console.WriteLine("  median per stage over the edits:");
    Console.WriteLine(run.MedianTimings);
    Console.WriteLine("  recomputed by the last edit's build (first stage, count, examples):");
    Console.WriteLine(run.LastRecomputed);
}

return 0;
