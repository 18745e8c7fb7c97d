namespace Handbook.Site.Tests.Netlify;

using System.Text.Json;
using Handbook.Site.Cli;
using Handbook.Testing;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.RepresentationModel;

/// <summary><c>netlify.toml</c> and the example <c>.gitlab-ci.yml</c> parse and agree with what the tool writes.</summary>
public class NetlifyConfigTests
{
    private static readonly string Root = SharedCorpus.RepositoryRoot;

    private static TomlTable NetlifyToml() => TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Root, "netlify.toml")))!;

    [Fact]
    public void Netlify_toml_publishes_the_folder_the_build_script_writes()
    {
        var build = (TomlTable)NetlifyToml()["build"];
        var script = File.ReadAllText(Path.Combine(Root, ".ci", "netlify-build.sh"));

        Assert.Equal("output", build["publish"]);
        Assert.Contains("--output " + build["publish"] + " ", script, StringComparison.Ordinal);
        Assert.Equal("bash .ci/netlify-build.sh", build["command"]);
    }

    [Theory]
    [InlineData("deploy-preview")]
    [InlineData("branch-deploy")]
    public void Previews_build_with_the_deploy_url_as_base_url_and_never_strict(string context)
    {
        var contexts = (TomlTable)NetlifyToml()["context"];

        var command = (string)((TomlTable)contexts[context])["command"];

        Assert.Equal("bash .ci/netlify-build.sh --base-url \"$DEPLOY_PRIME_URL\"", command);
        Assert.DoesNotContain("--strict", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_script_installs_the_pinned_sdk_unshallows_and_runs_check_before_build()
    {
        var script = File.ReadAllText(Path.Combine(Root, ".ci", "netlify-build.sh"));

        Assert.Contains("dotnet-install.sh\" --jsonfile global.json", script, StringComparison.Ordinal);
        Assert.Contains("git rev-parse --is-shallow-repository", script, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("run check ", StringComparison.Ordinal) < script.IndexOf("run build ", StringComparison.Ordinal), "check must run before build");
        Assert.Contains("--cache \"$cache/render\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_script_compiles_the_ahead_of_time_tool_the_benchmark_measures_unless_told_otherwise()
    {
        var script = File.ReadAllText(Path.Combine(Root, ".ci", "netlify-build.sh"));
        var bench = File.ReadAllText(Path.Combine(Root, "bench", "lib.sh"));
        const string Aot = "-p:PublishAot=true";
        const string Composite = "--self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true";

        // The deployed tool is the benchmarked one: same publish flags, Native AOT by default in both scripts
        Assert.Contains("kind=\"${HANDBOOK_TOOL_KIND:-aot}\"", script, StringComparison.Ordinal);
        Assert.Contains("aot) compile=(-r \"$rid\" " + Aot + ")", script, StringComparison.Ordinal);
        Assert.Contains("kind=\"${TOOL_KIND:-aot}\"", bench, StringComparison.Ordinal);
        Assert.Contains("aot) args=(" + Aot + ")", bench, StringComparison.Ordinal);
        // with the composite kind, the same in both, as the fallback when the ahead-of-time compile fails
        Assert.Contains("composite) compile=(-r \"$rid\" " + Composite + ")", script, StringComparison.Ordinal);
        Assert.Contains("composite) args=(" + Composite + ")", bench, StringComparison.Ordinal);
        Assert.Contains("compiling the composite kind instead", script, StringComparison.Ordinal);
        // and a cached tool of one kind, or compiled for another instruction-set level (both compiled kinds have one),
        // is never taken for the other
        Assert.Contains("if [ \"$kind\" = composite ] || [ \"$kind\" = aot ]; then", script, StringComparison.Ordinal);
        Assert.Contains("\"$rid\" \"$kind\" \"$isa\" | sha256sum", script, StringComparison.Ordinal);
        Assert.Contains("-getProperty:ReadyToRunInstructionSet", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Gitlab_ci_check_job_publishes_the_reports_its_commands_write()
    {
        var job = (YamlMappingNode)Yaml(".gitlab-ci.yml")["check"];
        var script = string.Join("\n", ((YamlSequenceNode)job["script"]).Children.Select(c => c.ToString()));
        var reports = (YamlMappingNode)((YamlMappingNode)job["artifacts"])["reports"];

        var codeQuality = reports["codequality"].ToString();
        var junit = reports["junit"].ToString();

        Assert.Contains($"check --input input --no-history --format codequality --output {codeQuality}", script, StringComparison.Ordinal);
        Assert.Contains($"check --input input --no-history --format junit --output {junit}", script, StringComparison.Ordinal);
        Assert.Equal("always", ((YamlMappingNode)job["artifacts"])["when"].ToString());
    }

    [Fact]
    public void Gitlab_ci_image_is_the_sdk_of_global_json()
    {
        using var globalJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "global.json")));
        var version = globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        var job = (YamlMappingNode)Yaml(".gitlab-ci.yml")["check"];

        var image = job["image"].ToString();

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:" + string.Join('.', version.Split('.').Take(2)), image);
    }

    [Fact]
    public void Gitlab_ci_check_runs_in_merge_requests_and_on_the_default_branch()
    {
        var job = (YamlMappingNode)Yaml(".gitlab-ci.yml")["check"];

        var rules = ((YamlSequenceNode)job["rules"]).Children.Select(r => ((YamlMappingNode)r)["if"].ToString()).ToList();

        Assert.Equal(["$CI_PIPELINE_SOURCE == \"merge_request_event\"", "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"], rules);
    }

    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, file)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
