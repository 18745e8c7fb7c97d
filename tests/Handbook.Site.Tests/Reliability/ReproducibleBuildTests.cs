namespace Handbook.Site.Tests.Reliability;

using System.Diagnostics;
using System.Text;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// The same input gives the same bytes on any machine: the built CLI runs twice as a separate process on copies of
/// <c>input/</c> and <c>theme/</c> at two different absolute paths, with different time zones, locales and processor
/// counts, and the two output trees must be identical file for file. Neither may mention where it was built.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ReproducibleBuildTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Two_builds_on_different_paths_time_zones_locales_and_processor_counts_give_byte_identical_output()
    {
        // Given the sample input and theme copied to two unrelated absolute paths
        using var temp = new TempFolder();
        var first = temp["first"];
        var second = temp["second/a/much/deeper/place with spaces"];
        foreach (var work in new[] { first, second })
        {
            FolderCopy.Copy(Path.Combine(SharedCorpus.RepositoryRoot, "input"), Path.Combine(work, "input"));
            FolderCopy.Copy(Path.Combine(SharedCorpus.RepositoryRoot, "theme"), Path.Combine(work, "theme"));
        }

        // When the CLI builds each one in its own process: UTC, C locale, one processor / UTC+14, Turkish, two processors
        await BuildAsync(first, new() { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8", ["DOTNET_PROCESSOR_COUNT"] = "1" });
        await BuildAsync(second, new() { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_PROCESSOR_COUNT"] = "2" });

        // Then both trees hold the same files with the same bytes
        var firstFiles = Files(Path.Combine(first, "output"));
        var secondFiles = Files(Path.Combine(second, "output"));
        Assert.True(firstFiles.Count > 30, $"only {firstFiles.Count} files were written");
        Assert.Equal(firstFiles.Keys, secondFiles.Keys);
        var different = firstFiles.Keys.Where(f => !firstFiles[f].AsSpan().SequenceEqual(secondFiles[f])).ToList();
        Assert.True(different.Count == 0, "different bytes in: " + string.Join(", ", different));

        // And no generated file names the folders, the user or the machine it was built on
        var leaks = new List<string>();
        foreach (var (work, files) in new[] { (first, firstFiles), (second, secondFiles) })
        {
            var markers = LeakMarkers(work);
            foreach (var (name, bytes) in files)
            {
                if (IsThemeCopy(work, name, bytes))
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(bytes);
                leaks.AddRange(markers.Where(m => m.Matches(text)).Select(m => $"{name} contains {m.Description}"));
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct()));
        output.WriteLine($"{firstFiles.Count} files identical; checked for {string.Join(", ", LeakMarkers(first).Select(m => m.Description))}");
    }

    private async Task BuildAsync(string workFolder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Handbook.Site.dll"));
        foreach (var arg in new[] { "build", "--input", "input", "--output", "output", "--theme", "theme", "--no-history" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // A URL from the test environment would end up in canonical links; both builds must see the same (none).
        start.Environment.Remove("URL");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the build in {workFolder} did not finish within {BuildTimeout}");
        }

        output.WriteLine($"{string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}"))}: {(await stderr).Trim()}");
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{await stdout}\n{await stderr}");
    }

    /// <summary>The dotnet host running the tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes),
            StringComparer.Ordinal);

    /// <summary>Assets copied unchanged from the theme (vendored libraries may hold any text) are not generated output.</summary>
    private static bool IsThemeCopy(string work, string name, byte[] bytes)
    {
        var source = Path.Combine(work, "theme", name);
        return File.Exists(source) && File.ReadAllBytes(source).AsSpan().SequenceEqual(bytes);
    }

    private static List<LeakMarker> LeakMarkers(string work)
    {
        var markers = new List<LeakMarker>
        {
            LeakMarker.Text(work, "the build folder"),
            LeakMarker.Text(Path.TrimEndingDirectorySeparator(Path.GetTempPath()) + "/", "the temp folder"),
            LeakMarker.Text(SharedCorpus.RepositoryRoot, "the repository path"),
        };
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 1)
        {
            markers.Add(LeakMarker.Text(home + "/", "the home folder"));
        }

        // Short names ("vm", "root") are ordinary words in CSS and text: only names long enough to be telling count.
        foreach (var (name, what) in new[] { (Environment.MachineName, "the machine name"), (Environment.UserName, "the user name") })
        {
            if (name.Length >= 5)
            {
                markers.Add(LeakMarker.Word(name, what));
            }
        }

        return markers;
    }

    private sealed record LeakMarker(string Value, string Description, bool WholeWord)
    {
        public static LeakMarker Text(string value, string description) => new(value, $"{description} ({value})", false);

        public static LeakMarker Word(string value, string description) => new(value, $"{description} ({value})", true);

        public bool Matches(string text) => WholeWord
            ? System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(Value)}(?![\w-])", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(5))
            : text.Contains(Value, StringComparison.OrdinalIgnoreCase);
    }
}
