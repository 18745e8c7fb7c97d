namespace Handbook.Site.Cli;

using Handbook.Site.Building;

/// <summary>Options shared by <c>build</c> and <c>check</c>, declared once so their help texts agree.</summary>
public static class CommonOptions
{
    public static readonly OptionSpec Input = new("--input", "DIR", "input folder (default: input)");

    public static readonly OptionSpec Output = new("--output", "DIR", "output folder, replaced as a whole (default: output)");

    public static readonly OptionSpec Theme = new("--theme", "DIR", "theme folder (default: theme, else the copy beside the tool)");

    public static readonly OptionSpec BaseUrl = new("--base-url", "URL", "absolute site URL for canonical links and sitemap.xml (default: Netlify's $URL, or $DEPLOY_PRIME_URL in deploy previews)");

    public static readonly OptionSpec KeepGoing = new("--keep-going", null, "write the output even when errors were reported (exit code stays 1)");

    public static readonly OptionSpec Cache = new("--cache", "DIR", "render cache folder kept between builds (default: none)");

    public static readonly OptionSpec ReuseFamilies = new("--reuse-families", null, "with --cache: rebuild only the families an edit can affect, restoring the others, also when the build reads no git history (a build with history does it without this option; without history storing the states costs the first build more)");

    public static readonly OptionSpec NoHistory = new("--no-history", null, "do not render versions from git history");

    public static readonly OptionSpec Verbose = new("--verbose", null, "print the folders used and each stage's time");

    public const string ExitCodesText =
        "exit codes: 0 success (warnings allowed), 1 errors reported, 2 bad usage, 70 internal error (a bug)";

    /// <summary>
    /// The folders of a build request, from <c>--input</c>, <c>--output</c> and <c>--theme</c> with their defaults;
    /// each command adds what else it takes (base URL, keep-going) with <c>with { … }</c>.
    /// </summary>
    public static BuildRequest FoldersOf(ParsedArguments arguments) => new()
    {
        InputFolder = arguments.Value(Input.Name) ?? "input",
        OutputFolder = arguments.Value(Output.Name) ?? "output",
        ThemeFolder = ThemeLocator.Resolve(arguments.Value(Theme.Name)),
        CacheFolder = arguments.Value(Cache.Name),
        History = !arguments.Flag(NoHistory.Name),
    };

    /// <summary>
    /// The base URL: the option, else what Netlify sets for the deploy being built (see <see cref="NetlifyBaseUrl"/>),
    /// else none.
    /// </summary>
    public static string? ResolveBaseUrl(ParsedArguments arguments) =>
        ValidBaseUrl(arguments.Value(BaseUrl.Name) ?? NetlifyBaseUrl(Environment.GetEnvironmentVariable));

    /// <summary>
    /// The site's address in a Netlify build: deploy previews and branch deploys (<c>CONTEXT=deploy-preview</c> /
    /// <c>branch-deploy</c>) live at <c>DEPLOY_PRIME_URL</c>, so their canonical links and sitemap must point there;
    /// every other build (production, or no Netlify at all when only <c>URL</c> is set) uses <c>URL</c>.
    /// </summary>
    public static string? NetlifyBaseUrl(Func<string, string?> environment)
    {
        var context = environment("CONTEXT");
        if (context is "deploy-preview" or "branch-deploy" && environment("DEPLOY_PRIME_URL") is { Length: > 0 } primeUrl)
        {
            return primeUrl;
        }

        return environment("URL");
    }

    private static string? ValidBaseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"base URL '{value}' is not an absolute http(s) URL");
        }

        return value.TrimEnd('/');
    }
}
