namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Parsing;
using Handbook.Testing;
using Markdig.Syntax;

/// <summary>
/// Issue 9: <see cref="ExtendsRecognizer.TryRecognize(LinkedText)"/> remembers its answer per flattened text
/// (<see cref="RecognitionMemo"/>), so the paragraphs an old version repeats are not recognised again. The remembered
/// answer must be the recogniser's own for every paragraph (asked twice, in both orders of first use), the key must
/// hold the links as well as the words, and what cannot be remembered (no room, a time-out) is recognised as before.
/// </summary>
public class RecognitionMemoTests
{
    [Fact]
    public void Every_paragraph_of_the_sample_pages_is_answered_as_the_recogniser_answers() =>
        AssertPagesAgree(Directory.EnumerateFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input"), "*.md", SearchOption.AllDirectories));

    [CorpusFact]
    public void Every_paragraph_of_the_real_pages_is_answered_as_the_recogniser_answers() =>
        AssertPagesAgree(Directory.EnumerateFiles(SharedCorpus.PathOf("gitlab-job-families"), "*.md", SearchOption.AllDirectories));

    [Fact]
    public void Given_a_remembered_text_when_the_same_words_link_elsewhere_then_the_new_link_is_recognised()
    {
        // Given
        var memo = new RecognitionMemo(capacity: 100);
        var first = LinkedText.FromMarkdown("- Extends the [Senior Manager](/job-families/sales/manager/) responsibilities");
        var moved = LinkedText.FromMarkdown("- Extends the [Senior Manager](/job-families/marketing/manager/) responsibilities");
        Assert.Equal(first.Text, moved.Text);

        // When
        var before = memo.GetOrRecognize(first, ExtendsRecognizer.Recognize);
        var after = memo.GetOrRecognize(moved, ExtendsRecognizer.Recognize);

        // Then
        Assert.Equal("/job-families/sales/manager/", Assert.Single(before!.Targets).Link);
        Assert.Equal("/job-families/marketing/manager/", Assert.Single(after!.Targets).Link);
        Assert.Equal(2, memo.Count);
    }

    [Fact]
    public void Given_a_remembered_text_when_it_comes_again_then_the_recogniser_is_not_asked_again_also_for_no_statement()
    {
        // Given
        var memo = new RecognitionMemo(capacity: 100);
        var calls = 0;
        ExtendsStatement? Counting(LinkedText text)
        {
            calls++;
            return ExtendsRecognizer.Recognize(text);
        }

        var statement = LinkedText.FromMarkdown("- Extends the Senior Manager responsibilities");
        var plain = LinkedText.FromMarkdown("- Manages all of the team's hiring");

        // When
        var answers = new[] { statement, plain, statement, plain }.Select(t => memo.GetOrRecognize(t, Counting)).ToList();

        // Then
        Assert.Equal(2, calls);
        Assert.NotNull(answers[0]);
        Assert.Same(answers[0], answers[2]);
        Assert.Null(answers[1]);
        Assert.Null(answers[3]);
    }

    [Fact]
    public void Given_a_full_memo_when_a_new_text_comes_then_it_is_recognised_and_not_kept()
    {
        // Given
        var memo = new RecognitionMemo(capacity: 1);
        memo.GetOrRecognize(LinkedText.FromMarkdown("- Extends the Senior Manager responsibilities"), ExtendsRecognizer.Recognize);
        var other = LinkedText.FromMarkdown("- Extends the Director requirements");

        // When
        var answer = memo.GetOrRecognize(other, ExtendsRecognizer.Recognize);

        // Then
        Assert.Equal(Describe(ExtendsRecognizer.Recognize(other)), Describe(answer));
        Assert.Equal(1, memo.Count);
    }

    [Fact]
    public void Given_a_recognition_that_throws_when_the_text_comes_again_then_it_is_recognised_again()
    {
        // Given
        var memo = new RecognitionMemo(capacity: 100);
        var text = LinkedText.FromMarkdown("- Extends the Senior Manager responsibilities");
        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(
            () => memo.GetOrRecognize(text, _ => throw new System.Text.RegularExpressions.RegexMatchTimeoutException()));

        // When
        var answer = memo.GetOrRecognize(text, ExtendsRecognizer.Recognize);

        // Then
        Assert.NotNull(answer);
        Assert.Equal(1, memo.Count);
    }

    private static void AssertPagesAgree(IEnumerable<string> pages)
    {
        var memo = new RecognitionMemo(capacity: 1_000_000);
        var leaves = pages.SelectMany(page => LeavesOf(File.ReadAllText(page)).Select(leaf => (Page: page, Leaf: leaf))).ToList();
        var statements = 0;

        // Twice over, forwards then backwards: every answer is once a first recognition and once a remembered one.
        foreach (var (page, leaf) in leaves.Concat(Enumerable.Reverse(leaves)))
        {
            var text = LinkedText.FromInlines(leaf.Inline);
            var expected = ExtendsRecognizer.Recognize(text);
            Assert.True(Describe(expected) == Describe(memo.GetOrRecognize(text, ExtendsRecognizer.Recognize)), $"{page}:{leaf.Line + 1}");
            statements += expected is null ? 0 : 1;
        }

        Assert.True(statements > 10, $"only {statements} statements: the comparison would prove little");
    }

    // A statement's every field, its lists by content (records compare lists by reference).
    private static string Describe(ExtendsStatement? s) =>
        s is null
            ? "(none)"
            : string.Join(
                " | ",
                s.Text,
                s.Wording,
                string.Join(", ", s.Targets.Select(t => $"{t.Kind}:{t.Name}->{t.Link}")),
                s.IsChoice.ToString(),
                string.Join(", ", s.Sections),
                s.ExtraText ?? "(no extra)");

    private static IEnumerable<LeafBlock> LeavesOf(string markdown) =>
        JobFamilyMarkdown.Parse(markdown, ExtendsFixture.Pipeline).Descendants<LeafBlock>().Where(l => l.Inline is not null).ToList();
}
