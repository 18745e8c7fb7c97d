namespace Handbook.Site.Tests.Support;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Theming;
using Handbook.Testing;

/// <summary>The repository's own theme, loaded once for all tests.</summary>
public static class TestTheme
{
    public static readonly string Folder = Path.Combine(SharedCorpus.RepositoryRoot, "theme");

    private static readonly Lazy<Theme> Loaded = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        return Theme.Load(Folder, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
    });

    public static Theme Instance => Loaded.Value;
}
