namespace Handbook.JobFamilies.Tests.Extends;

using CsCheck;
using Handbook.JobFamilies.Extends;
using Handbook.Testing;

/// <summary>
/// The recogniser skips a wording's pattern when the sentence lacks the wording's cue word (issue 9). That is only
/// safe if no sentence without the cue matches the pattern: checked on generated statement-like sentences and on
/// every line of the sample and real pages.
/// </summary>
public class ExtendsRecognizerCueTests
{
    private static readonly string[] Vocabulary =
    [
        "Extends", "extends", "EXTEND", "extend", "that", "of", "the", "The", "this", "either", "Senior", "Manager", "Engineer",
        "(Intermediate)", "responsibilities", "Requirements", "KPIs", "role", "roles", "position", "plus", "Plus", "all", "ALL", "same",
        "Same", "as", "has", "have", "meets", "shares", "sharing", "includes", "include", "in", "In", "addition", "Addition", "to",
        "above", "outlined", "listed", "previous", "level", "levels", "corresponding", "everything", "Everything", "under",
        "inherits", "Inherits", "adhere", "must", "meet", "other", "job", "below", "for", "and", "also", "with", "general", ",", ":", ".", "[Senior Manager](#senior)",
        "those", "match", "matches", "(applicable", "roles)",
    ];

    // One sentence per wording (own words), mutated below so near-misses (a cue dropped, replaced or re-cased) are common.
    private static readonly string[] Skeletons =
    [
        "Extends: Senior Manager", "Extends the general responsibilities", "Extends the responsibilities of the Senior Manager",
        "Extends the requirements above", "Extends that of the Senior Manager role",
        "The Senior Manager role extends the responsibilities of the Manager", "This role extends the requirements above",
        "The Staff Engineer extends the Senior Engineer role", "This role includes all of the responsibilities above, plus:",
        "Includes all of the requirements for the Senior Manager", "Includes all of the Senior level requirements listed",
        "Shares the same responsibilities outlined above", "Shares the same requirements as the Senior Manager",
        "Has all of the same requirements as the ones listed above", "Has all the same responsibilities as the Senior Manager",
        "Has the same requirements as the Manager", "All of the responsibilities of the Senior Manager, plus:",
        "The responsibilities of the Manager, plus:", "In addition to the responsibilities listed above, the role:",
        "In addition to the requirements for the Senior Manager: you", "In addition to the corresponding Senior Manager requirements",
        "In addition to the above responsibilities for the Manager, you", "Same requirements as the Senior Manager",
        "Everything in the Senior Manager role, plus:", "The role inherits all of the requirements of the Manager",
        "Meets all of the requirements of the Senior Manager",
        "In addition to the other Senior Manager responsibilities, you", "Teams adhere to the same requirements listed above for the Senior Manager role",
        "Includes Senior-level requirements.",
        "The engineer must meet the requirements for a Senior Manager (or above).",
        "Responsibilities for the Manager extend the Senior Manager job", "The Senior Manager responsibilities, plus the requirements below", "Extends to that of an Senior Manager",
        "Senior Manager requirements match those of the Manager",
        "All of the responsibilities listed for the Senior Manager, plus:", "All requirements listed above (applicable to all roles)",
    ];

    private static readonly Gen<string> Sentences =
        Gen.Select(Gen.Int[0, Skeletons.Length - 1], Gen.Int[0, 1000].Array[0, 9], Mutate);

    /// <summary>Up to three edits, each taking three numbers: which edit, where, and which vocabulary word.</summary>
    private static string Mutate(int skeleton, int[] edits)
    {
        var words = Skeletons[skeleton].Split(' ').ToList();
        for (var e = 0; e + 2 < edits.Length && words.Count > 0; e += 3)
        {
            var at = edits[e + 1] % words.Count;
            var word = Vocabulary[edits[e + 2] % Vocabulary.Length];
            switch (edits[e] % 4)
            {
                case 0:
                    words[at] = word;
                    break;
                case 1:
                    words.RemoveAt(at);
                    break;
                case 2:
                    words.Insert(at, word);
                    break;
                default:
                    words[at] = words[at].ToUpperInvariant();
                    break;
            }
        }

        return string.Join(' ', words);
    }

    [Fact]
    public void No_generated_sentence_without_a_wordings_cue_matches_its_pattern()
    {
        var patterns = ExtendsRecognizer.CuedPatterns.ToList();
        Sentences.Sample(sentence => patterns.All(p => !p.Pattern.IsMatch(sentence) || sentence.Contains(p.Cue, StringComparison.OrdinalIgnoreCase)), iter: 20_000);
    }

    [Fact]
    public void Every_wording_is_recognised_with_its_cue_in_generated_sentences()
    {
        // Guards the test above against vacuity: the generated sentences do match every pattern now and then.
        var patterns = ExtendsRecognizer.CuedPatterns.ToList();
        var matched = new HashSet<string>();
        Sentences.Sample(sentence => matched.UnionWith(patterns.Where(p => p.Pattern.IsMatch(sentence)).Select(p => p.Wording)), iter: 20_000, threads: 1);

        Assert.True(matched.Count == patterns.Count, "matched only: " + string.Join(", ", matched));
    }

    [Fact]
    public void No_line_of_the_sample_pages_without_a_wordings_cue_matches_its_pattern() =>
        AssertCuesNeeded(Directory.EnumerateFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input"), "*.md", SearchOption.AllDirectories));

    [CorpusFact]
    public void No_line_of_the_real_pages_without_a_wordings_cue_matches_its_pattern() =>
        AssertCuesNeeded(Directory.EnumerateFiles(SharedCorpus.PathOf("gitlab-job-families"), "*.md", SearchOption.AllDirectories));

    private static void AssertCuesNeeded(IEnumerable<string> pages)
    {
        var patterns = ExtendsRecognizer.CuedPatterns.ToList();
        foreach (var page in pages)
        {
            foreach (var raw in File.ReadLines(page))
            {
                var line = raw.TrimStart(' ', '-', '*', '+', '#').Trim();
                foreach (var (wording, cue, pattern) in patterns)
                {
                    Assert.True(!pattern.IsMatch(line) || line.Contains(cue, StringComparison.OrdinalIgnoreCase), $"{wording} matches without '{cue}': {page}: {line}");
                }
            }
        }
    }
}
