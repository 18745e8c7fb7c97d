namespace Handbook.Site.Tests.Publishing;

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Handbook.Site.Tests.Cli;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// SLOW (three to ten minutes: a Native AOT compile): publishes the tool ahead of time from this working tree's sources,
/// as <c>bench/</c> and <c>.ci/netlify-build.sh</c> publish it, and checks it against the JIT-compiled code of this test
/// run. What differs ahead of time is what the JIT-compiled tests cannot see: reflection-based JSON is off (the cache's
/// records, the export, the search index, the live-reload events), P/Invoke marshalling copies instead of pinning
/// (LibGit2Sharp's history reads), trimming drops members nothing names, and Kestrel runs without the JIT. So every
/// command runs once: build with history, a cached build cold and warm, check, import-grades and the preview with an edit.
/// </summary>
public sealed partial class NativeAotToolTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string CalculatorPage =
        "# Calculator\n\n### GitLab Job Grades\n\n"
        + "| Grade | Management | Individual Contributor |\n|---|---|---|\n"
        + "| 8 | Manager | Staff |\n"
        + "| 7 |  | Senior |\n";

    [NativeAotFact]
    [Trait("Category", "Slow")]
    public async Task Slow_the_ahead_of_time_compiled_tool_does_what_the_jit_compiled_code_does()
    {
        using var folder = new TempFolder();
        var root = SharedCorpus.RepositoryRoot;
        var input = Path.Combine(root, "input");
        var theme = TestTheme.Folder;

        // Given the tool compiled ahead of time
        var tool = Publish(folder);

        // When it builds the sample site with its history, as the JIT-compiled code does in-process
        var aot = Exec(tool, root, "build", "--input", input, "--output", folder["aot"], "--theme", theme);
        var jit = Run.Tool("build", "--input", input, "--output", folder["jit"], "--theme", theme);

        // Then both write the same bytes and report the same diagnostics
        Assert.Equal(jit.ExitCode, aot.ExitCode);
        Assert.Matches(@"built \d+ pages from \d+ families", aot.Error);
        OutputFolders.AssertSameFiles(folder["jit"], folder["aot"]);
        Assert.Equal(WithoutTimes(jit.Error), WithoutTimes(aot.Error));

        // And a cached build, cold then warm into a new output, writes the same site again
        var cold = Exec(tool, root, "build", "--input", input, "--output", folder["cold"], "--theme", theme, "--cache", folder["cache"], "--reuse-families");
        var warm = Exec(tool, root, "build", "--input", input, "--output", folder["warm"], "--theme", theme, "--cache", folder["cache"], "--reuse-families");
        Assert.Equal(jit.ExitCode, cold.ExitCode);
        Assert.Equal(jit.ExitCode, warm.ExitCode);
        OutputFolders.AssertSameFiles(folder["jit"], folder["cold"]);
        OutputFolders.AssertSameFiles(folder["jit"], folder["warm"]);

        // And check answers as the JIT-compiled code does
        var check = Exec(tool, root, "check", "--input", input, "--theme", theme);
        var jitCheck = Run.Tool("check", "--input", input, "--theme", theme);
        Assert.Equal(jitCheck.ExitCode, check.ExitCode);
        Assert.Equal(WithoutTimes(jitCheck.Out + jitCheck.Error), WithoutTimes(check.Out + check.Error));

        // And import-grades writes the same grade data
        var page = folder.Write("calculator.md", CalculatorPage);
        Assert.Equal(0, Exec(tool, root, "import-grades", page, "--output", folder["aot-grades.yml"]).ExitCode);
        Assert.Equal(0, Run.Tool("import-grades", page, "--output", folder["jit-grades.yml"]).ExitCode);
        Assert.Equal(File.ReadAllBytes(folder["jit-grades.yml"]), File.ReadAllBytes(folder["aot-grades.yml"]));

        // And the preview serves, rebuilds an edit, and reports a broken one in its status JSON
        await PreviewAsync(tool, folder, theme);
    }

    private async Task PreviewAsync(string tool, TempFolder folder, string theme)
    {
        var page = folder.Write("preview/job-families/ops/planner.md", "---\ntitle: Planner\n---\n\nPlans things.\n");
        var stdout = new StringBuilder();
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["preview", "--input", folder["preview"], "--output", folder["preview-out"], "--theme", theme, "--port", "0", "--no-open"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (stdout) { stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (stdout) { stdout.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string Console() { lock (stdout) { return stdout.ToString(); } }
        try
        {
            var baseUrl = await WaitForAsync(() => ServingLine().Match(Console()) is { Success: true } m ? m.Groups[1].Value : null);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var url = new Uri("job-families/ops/planner/", UriKind.Relative);
            var status = new Uri("__preview/status", UriKind.Relative);
            Assert.Contains("<h1>Planner</h1>", await http.GetStringAsync(url), StringComparison.Ordinal);
            Assert.Equal("{\"errors\":[],\"clients\":0}", await http.GetStringAsync(status));

            await File.WriteAllTextAsync(page, "---\ntitle: Planner II\n---\n\nPlans more things.\n");
            await WaitForAsync(async () => (await http.GetStringAsync(url)).Contains("<h1>Planner II</h1>", StringComparison.Ordinal) ? "ok" : null);

            await File.WriteAllTextAsync(page, "---\ntitle: \"Unclosed\n---\n\nBroken.\n");
            await WaitForAsync(async () => (await http.GetStringAsync(status)).Contains("\"code\":\"FM", StringComparison.Ordinal) ? "ok" : null);
            Assert.Contains("<h1>Planner II</h1>", await http.GetStringAsync(url), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.WriteLine("$ preview\n" + Console());
        }
    }

    /// <summary>Publishes the tool from a copy of the sources (so the publish never touches the tested tree's obj/ folders).</summary>
    private string Publish(TempFolder folder)
    {
        var root = SharedCorpus.RepositoryRoot;
        var sources = folder["sources"];
        FolderCopy.Copy(Path.Combine(root, "src"), Path.Combine(sources, "src"), IsBuildOutput);
        FolderCopy.Copy(Path.Combine(root, "theme"), Path.Combine(sources, "theme"), IsBuildOutput);
        foreach (var file in (string[])["Directory.Build.props", "Directory.Packages.props", "global.json"])
        {
            File.Copy(Path.Combine(root, file), Path.Combine(sources, file));
        }

        var published = folder["tool"];
        var run = Exec("dotnet", sources, "publish", "src/Handbook.Site", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", published, "--nologo", "-v", "quiet");
        Assert.True(run.ExitCode == 0, $"the Native AOT publish failed:\n{run.Out}{run.Error}");
        return Path.Combine(published, "Handbook.Site");
    }

    // bin/ and obj/ of the tested tree: a publish must compile the sources, not take another build's files.
    private static bool IsBuildOutput(string relative) => relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private Run Exec(string program, string workingFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        // Generous: an ahead-of-time compile on two shared cores takes minutes when the machine is busy.
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(20)), $"{program} {string.Join(' ', arguments)} did not finish in 20 minutes");
        var run = new Run(process.ExitCode, stdout, stderr.Result);
        output.WriteLine($"$ {program} {string.Join(' ', arguments)} (exit {run.ExitCode})\n{run.Out}{run.Error}");
        return run;
    }

    private static string WithoutTimes(string text) => Seconds().Replace(text, " in X s");

    private static Task<string> WaitForAsync(Func<string?> probe) => Polling.UntilAsync(Patience, probe);

    private static Task<string> WaitForAsync(Func<Task<string?>> probe) => Polling.UntilAsync(Patience, probe);

    [GeneratedRegex(@" in [0-9.]+ s\b")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"serving (http://\S+/)")]
    private static partial Regex ServingLine();
}
