namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Handbook.Testing;

public class ReadFilesCorpusTests
{
    [CorpusFact]
    public async Task Every_real_page_is_read_as_clean_text_in_ordinal_order()
    {
        // Given the real job-families pages (all valid UTF-8 without BOM or CRLF, per the corpus report)
        var folder = SharedCorpus.PathOf("gitlab-job-families");
        var expected = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        // When ReadFiles reads them
        var bag = new DiagnosticBag();
        var documents = await new ReadFiles(folder, ["**/*.md"]).ReadAsync(bag, 2, CancellationToken.None);

        // Then every page is read, without a diagnostic, in ordinal order, with the file's exact text
        Assert.Empty(bag.Sorted());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, documents.Select(d => d.SourcePath));
        var first = documents[0];
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder, first.SourcePath)), first.Content);
    }
}
