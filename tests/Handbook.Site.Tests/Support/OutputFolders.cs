namespace Handbook.Site.Tests.Support;

/// <summary>
/// Output folders compared byte for byte: the oracle of every test that builds a site two ways (one-shot and kept,
/// batched and whole-set, staged and not) and expects the same site.
/// </summary>
public static class OutputFolders
{
    /// <summary>Every file under <paramref name="root"/>, by its '/'-separated path relative to it.</summary>
    public static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Asserts that both folders hold the same files with the same bytes (and at least one); returns the expected folder's files.</summary>
    public static Dictionary<string, byte[]> AssertSameFiles(string expectedRoot, string actualRoot)
    {
        var expected = Files(expectedRoot);
        var actual = Files(actualRoot);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), path + " differs");
        }

        return expected;
    }
}
