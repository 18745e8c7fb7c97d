namespace Handbook.Site.Tests.Netlify;

using System.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// SLOW (two to four minutes: it compiles the tool in Release, ReadyToRun): runs Netlify's build command end to end in
/// a shallow clone of the repository's current commit, as Netlify would, then once more with the same cache folder,
/// as the next deploy would. dotnet is installed here, so the SDK install is skipped; the unshallow of a file://
/// clone works offline. Filter it out with <c>--filter Category!=Slow</c>.
/// </summary>
public class NetlifyBuildScriptTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Slow_build_command_runs_in_a_shallow_clone_and_writes_the_site_with_headers()
    {
        using var folder = new TempFolder();
        var clone = folder["clone"];
        Run("git", $"clone --quiet --depth 1 file://{SharedCorpus.RepositoryRoot} {clone}", folder.Path);
        Assert.Equal("true", Run("git", "rev-parse --is-shallow-repository", clone).Trim());

        var environment = new Dictionary<string, string>
        {
            ["NETLIFY_CACHE_DIR"] = folder["cache"],
            // The machine's package folder: restore stays offline and fast.
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            // The framework-dependent ReadyToRun tool: the default composite compile takes 4-13 minutes on two
            // shared cores, too long for the suite; the kinds differ only in the publish flags (the benchmark
            // publishes the composite kind with the same flags, bench/lib.sh).
            ["HANDBOOK_TOOL_KIND"] = "readytorun",
        };
        var log = Run("bash", ".ci/netlify-build.sh", clone, environment);

        Assert.Contains("shallow clone, fetching the full history", log, StringComparison.Ordinal);
        Assert.Equal("false", Run("git", "rev-parse --is-shallow-repository", clone).Trim());
        Assert.Matches(@"checked \d+ families in [\d.]+ s: 0 errors", log);
        Assert.Matches(@"built \d+ pages from \d+ families", log);
        Assert.True(File.Exists(Path.Combine(clone, "output", "job-families", "index.html")), "no job-families index in output/");
        Assert.Contains("Content-Security-Policy: default-src 'none'", File.ReadAllText(Path.Combine(clone, "output", "_headers")), StringComparison.Ordinal);
        Assert.Contains("netlify-build: cache folder " + folder["cache"], log, StringComparison.Ordinal);
        Assert.Contains("netlify-build: compiled tool kept in the cache", log, StringComparison.Ordinal);
        Assert.DoesNotContain("compiled tool taken from the cache", log, StringComparison.Ordinal);

        // When the next deploy runs with the same cache and no change to the tool's sources
        Directory.Delete(Path.Combine(clone, "output"), recursive: true);
        var again = Run("bash", ".ci/netlify-build.sh", clone, environment);

        // Then it compiles nothing (the tool comes from the cache) and still writes the site
        Assert.Contains("netlify-build: compiled tool taken from the cache", again, StringComparison.Ordinal);
        Assert.Matches(@"built \d+ pages from \d+ families", again);
        Assert.True(File.Exists(Path.Combine(clone, "output", "job-families", "index.html")), "no job-families index in output/ after the second run");
        var cached = Assert.Single(Directory.GetDirectories(Path.Combine(folder["cache"], "tool")));
        Assert.True(File.Exists(Path.Combine(cached, "Handbook.Site.dll")));
    }

    private string Run(string program, string arguments, string workingFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        // Generous: a ReadyToRun compile on two shared cores takes minutes when the machine is busy.
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{program} {arguments} did not finish in 10 minutes");
        var all = stdout + stderr.Result;
        output.WriteLine($"$ {program} {arguments}\n{all}");
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited with {process.ExitCode}:\n{all}");
        return all;
    }
}
