namespace Handbook.Site.Tests.Stages;

using Handbook.JobFamilies.Stages;
using Handbook.Site.Stages;

/// <summary>
/// <see cref="FragmentSpool"/> as a batched build's <see cref="ICompressedTextSpool"/>: texts compressed into it from
/// several threads come back each as it was.
/// </summary>
public sealed class FragmentSpoolTests
{
    [Fact]
    public void Given_texts_parked_in_the_spool_on_several_threads_When_read_back_in_another_order_Then_each_is_its_text()
    {
        // Given 500 different texts (one with a lone surrogate, kept on the heap), parked in one spool at once
        using var spool = new FragmentSpool();
        var texts = Enumerable.Range(0, 500).Select(i => string.Concat(Enumerable.Repeat($"* bullet {i} – ünïcödé\n", i % 40))).ToArray();
        texts[7] = "lone \uD800 surrogate";
        var parked = new ParkedMarkdown[texts.Length];
        Parallel.For(0, texts.Length, i => parked[i] = ParkedMarkdown.Of(texts[i], spool));

        // When read back, last first, on several threads
        var read = new string[texts.Length];
        Parallel.For(0, texts.Length, k => read[texts.Length - 1 - k] = parked[texts.Length - 1 - k].Text());

        // Then each is its text
        Assert.Equal(texts, read);
    }

    [Fact]
    public void Given_a_spool_that_is_never_disposed_When_it_exists_Then_no_file_of_it_is_left_in_the_temp_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows deletes the file itself when the last handle closes (FileOptions.DeleteOnClose).
        }

        // Given a spool holding bytes, not disposed (as a build's spool that nobody disposes)
        var spool = new FragmentSpool();
        var fragment = spool.Add("still readable"u8);

        // Then its file has no name in the temp folder, and what it holds is still there
        Assert.False(File.Exists(spool.FilePath), spool.FilePath);
        var read = new byte[fragment.Length];
        spool.Read(fragment, read);
        Assert.Equal("still readable"u8.ToArray(), read);
        spool.Dispose();
    }
}
