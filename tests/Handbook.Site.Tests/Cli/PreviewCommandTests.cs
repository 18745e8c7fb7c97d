namespace Handbook.Site.Tests.Cli;

using System.Text.RegularExpressions;
using Handbook.Site.Cli;
using Handbook.Site.Tests.Support;

/// <summary>
/// The <c>preview</c> command end to end, in-process: it builds, serves on a free loopback port, rebuilds after an
/// edit, keeps the last good output while the page is broken, and stops on cancellation (Ctrl+C) with exit 0.
/// Bounded: every wait has a timeout and the command is always cancelled.
/// </summary>
public sealed partial class PreviewCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_a_running_preview_When_a_page_is_edited_Then_the_served_page_changes_and_a_broken_edit_keeps_the_last_good_one()
    {
        using var folder = new TempFolder();
        var page = folder["input/job-families/ops/planner.md"];
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        await File.WriteAllTextAsync(page, "---\ntitle: Planner\n---\n\nPlans things.\n");
        var outText = new StringWriter();
        var errText = new StringWriter();
        var stdout = TextWriter.Synchronized(outText);
        var stderr = TextWriter.Synchronized(errText);
        string Out() { lock (stdout) { return outText.ToString(); } }
        string Err() { lock (stderr) { return errText.ToString(); } }
        using var stop = new CancellationTokenSource();

        var running = CommandLine.RunAsync(
            ["preview", "--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder, "--port", "0", "--no-open"],
            new ConsoleStreams(stdout, stderr, IsTerminal: false),
            stop.Token);
        try
        {
            var baseUrl = await WaitForAsync(() => ServingLine().Match(Out()) is { Success: true } m ? m.Groups[1].Value : null);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            Assert.Contains("<h1>Planner</h1>", await http.GetStringAsync(new Uri("job-families/ops/planner/", UriKind.Relative)), StringComparison.Ordinal);

            await File.WriteAllTextAsync(page, "---\ntitle: Planner II\n---\n\nPlans more things.\n");
            await WaitForAsync(async () => (await http.GetStringAsync(new Uri("job-families/ops/planner/", UriKind.Relative))).Contains("<h1>Planner II</h1>", StringComparison.Ordinal) ? "ok" : null);

            await File.WriteAllTextAsync(page, "---\ntitle: \"Unclosed\n---\n\nBroken.\n");
            await WaitForAsync(() => Err().Contains("still serving the last good output", StringComparison.Ordinal) ? "ok" : null);
            Assert.Contains("<h1>Planner II</h1>", await http.GetStringAsync(new Uri("job-families/ops/planner/", UriKind.Relative)), StringComparison.Ordinal);
            // The console line is printed once the overlay's state is set: no waiting for it.
            Assert.Contains("\"code\":\"FM", await http.GetStringAsync(new Uri("__preview/status", UriKind.Relative)), StringComparison.Ordinal);

            // A fixed page whose only error is a broken link (found after the page was published) is served, and the
            // console says the rest is the last good output
            await File.WriteAllTextAsync(page, "---\ntitle: Planner III\n---\n\nSee [nowhere](/job-families/ops/nowhere/).\n");
            await WaitForAsync(() => Err().Contains("pages were published before the errors were found", StringComparison.Ordinal) ? "ok" : null);
            Assert.Contains("<h1>Planner III</h1>", await http.GetStringAsync(new Uri("job-families/ops/planner/", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Contains("\"code\":\"LINK001", await http.GetStringAsync(new Uri("__preview/status", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(ExitCodes.Success, await running.WaitAsync(Patience));
        Assert.Matches(@"rebuilt \d+ pages in \d+ ms", Err());
    }

    private static Task<string> WaitForAsync(Func<string?> probe) => Polling.UntilAsync(Patience, probe);

    private static Task<string> WaitForAsync(Func<Task<string?>> probe) => Polling.UntilAsync(Patience, probe);

    [GeneratedRegex(@"serving (http://\S+/)")]
    private static partial Regex ServingLine();
}
