namespace Handbook.Site.Tests.Netlify;

using System.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// SLOW (about two minutes: it compiles the tool in Release): runs Netlify's build command end to end in a shallow
/// clone of the repository's current commit, as Netlify would. dotnet is installed here, so the SDK install is
/// skipped; the unshallow of a file:// clone works offline. Filter it out with <c>--filter Category!=Slow</c>.
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

        var log = Run("bash", ".ci/netlify-build.sh", clone, new Dictionary<string, string>
        {
            ["NETLIFY_CACHE_DIR"] = folder["cache"],
            // The machine's package folder: restore stays offline and fast.
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        });

        Assert.Contains("shallow clone, fetching the full history", log, StringComparison.Ordinal);
        Assert.Equal("false", Run("git", "rev-parse --is-shallow-repository", clone).Trim());
        Assert.Matches(@"checked \d+ families in [\d.]+ s: 0 errors", log);
        Assert.Matches(@"built \d+ pages from \d+ families", log);
        Assert.True(File.Exists(Path.Combine(clone, "output", "job-families", "index.html")), "no job-families index in output/");
        Assert.Contains("Content-Security-Policy: default-src 'none'", File.ReadAllText(Path.Combine(clone, "output", "_headers")), StringComparison.Ordinal);
        Assert.Contains("netlify-build: cache folder " + folder["cache"], log, StringComparison.Ordinal);
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
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{program} {arguments} did not finish in 5 minutes");
        var all = stdout + stderr.Result;
        output.WriteLine($"$ {program} {arguments}\n{all}");
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited with {process.ExitCode}:\n{all}");
        return all;
    }
}
