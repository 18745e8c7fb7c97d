namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Limits;
using Markdig.Syntax.Inlines;

/// <summary>
/// Recognises inheritance statements in the text of one list item, paragraph or heading (REPORT.md §5): "Extends the
/// X responsibilities", "The A role extends the [B](#b) role.", "This role includes all of the requirements above,
/// plus:", "Everything under X, plus:" and the other wordings real pages use. Pure text in, statement out: no model.
/// It is deliberately strict about ordinary prose ("extends our reach", "extend the product"): a statement needs an
/// inheritance verb phrase <em>and</em> a target that looks like a role, a position or a section.
/// </summary>
public static partial class ExtendsRecognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string S = SectionWords.List;

    // What may follow the target phrase: a continuation ("plus:", "and include:", "with the following"), a qualifier
    // of the extension ("in complexity and scope"), a "role" noun, or final punctuation. Captured as the statement's own text.
    internal const string End =
        @"(?<x>(?:,?\s*\bplus\b|,?\s*\band\s+(?:also|include|includes|is)\b|,?\s+(?:with|by|through|as\s+well\s+as|but|while|in\s+addition|in\s+complexity|in\s+scope)\b|\s+articulated\s+here|\s+(?:listed|outlined|defined|described)\s+above|\s+(?:role|position)s?\b|\s*[.:;,]\s*$).*)?";

    private const string Art = @"(?:(?:the|a|an)\s+)?";

    private static readonly string[] RoleNouns =
    [
        "manager", "engineer", "analyst", "director", "architect", "administrator", "specialist", "lead", "representative",
        "designer", "developer", "accountant", "scientist", "evangelist", "associate", "coordinator", "consultant", "officer",
        "president", "vp", "avp", "head", "instructor", "writer", "recruiter", "sourcer", "counsel", "auditor", "controller",
        "advocate", "executive", "owner", "agent", "strategist", "planner", "researcher", "technician", "intern", "fellow",
        "staff", "principal", "senior", "junior", "intermediate", "partner", "csm", "sa", "tam", "sdr", "bdr", "ae", "member",
        "expert", "programmer", "operations", "management", "level", "tax", "payroll", "sr", "jr",
    ];

    [ThreadStatic]
    private static System.Text.StringBuilder? cueText;

    /// <summary>
    /// False when the text of <paramref name="inline"/> holds no statement cue word, so <see cref="TryRecognize(LinkedText)"/>
    /// would return null: decided without building the <see cref="LinkedText"/> (most paragraphs of a page are not
    /// statements, and flattening each one cost more than everything else recognition does). The cue pattern is run
    /// over the uncollapsed text: collapsing only straightens quotes and dashes (non-word characters stay non-word) and
    /// shortens or trims runs of whitespace, none of which changes where <c></c> holds or whether <c>\s+</c> matches,
    /// so the answer is the same (<c>ExtendsCuePrecheckTests</c> compare both on every paragraph of the sample and real pages).
    /// A word one slip away from "extend(s)" counts as a cue too (<see cref="MisspeltVerb"/>, EXTENDS004).
    /// </summary>
    public static bool MayHoldStatement(ContainerInline? inline)
    {
        var text = cueText ??= new System.Text.StringBuilder(256);
        text.Clear();
        LinkedText.AppendText(inline, text);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, buffer, 0, text.Length);
            var span = buffer.AsSpan(0, text.Length);
            return CueRegex().IsMatch(span) || MisspeltVerb.Holds(span);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            if (text.Capacity > 16 * 1024)
            {
                cueText = null;
            }
        }
    }

    /// <summary>Recognises a statement in Markdown text as written on a page (links kept as <c>[text](url)</c>).</summary>
    public static ExtendsStatement? TryRecognize(string markdown) => TryRecognize(LinkedText.FromMarkdown(markdown));

    /// <summary>
    /// Recognises a statement in flattened text. A paragraph may hold several sentences: the first one that is a
    /// statement wins and the other sentences become the statement's extra text. The answer for a text seen before
    /// (the same words and links) is the remembered one (<see cref="RecognitionMemo"/>).
    /// </summary>
    public static ExtendsStatement? TryRecognize(LinkedText text) => RecognitionMemo.Shared.GetOrRecognize(text, Recognize);

    /// <summary><see cref="TryRecognize(LinkedText)"/> without the memo: what it remembers (the tests' oracle).</summary>
    internal static ExtendsStatement? Recognize(LinkedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var whole = LinkedText.Collapse(text.Text);
        var found = RecognizeCollapsed(whole, text.Links);
        if (found is not null || MisspeltVerb.Correct(whole) is not { } corrected)
        {
            return found;
        }

        // "Exends that of the Senior X requirements": read as the verb only when the text then is a statement.
        found = RecognizeCollapsed(corrected.Text, text.Links);
        return found is null ? null : found with { Text = whole, MisspeltVerb = corrected.Misspelt };
    }

    private static ExtendsStatement? RecognizeCollapsed(string whole, IReadOnlyList<TextLink> links)
    {
        if (!CueRegex().IsMatch(whole))
        {
            return null;
        }

        var sentences = SplitSentences(whole);
        for (var i = 0; i < sentences.Count; i++)
        {
            var found = RecognizeSentence(sentences[i], links);
            if (found is null)
            {
                continue;
            }

            var extra = ExtraText(found.ExtraText, sentences, i + 1);
            return found with { Text = whole, ExtraText = extra.Length == 0 ? null : extra };
        }

        return null;
    }

    /// <summary>
    /// The statement's own extra text and the sentences after it, the blank ones left out, one per line. Most
    /// statements are a paragraph's only sentence: then it is the extra text as it is (the join of one part), without
    /// the chain of sequences the join was fed for every statement (issue 9).
    /// </summary>
    private static string ExtraText(string? ownExtra, List<string> sentences, int next)
    {
        if (next >= sentences.Count)
        {
            return string.IsNullOrWhiteSpace(ownExtra) ? string.Empty : ownExtra;
        }

        return string.Join('\n', new[] { ownExtra }.Concat(sentences.Skip(next)).Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private static ExtendsStatement? RecognizeSentence(string sentence, IReadOnlyList<TextLink> links)
    {
        var s = LeadRegex().Replace(sentence, string.Empty).Trim();

        // A heading such as "Responsibilities (extends [Senior X Responsibilities](#x))".
        var paren = ParenthesisedRegex().Match(s);
        if (paren.Success)
        {
            s = paren.Groups["inner"].Value;
        }

        if (!System.Text.Ascii.IsValid(s))
        {
            // Letters the case-insensitive patterns treat as case variants of ASCII ones (the Kelvin sign): every pattern runs.
            return RecognizeWithRules(s, sentence, links, lowered: default, cueSeen: default);
        }

        // The cue words are looked for once per sentence, in one lower-cased copy, by ordinal search: for ASCII text
        // that finds exactly what an ordinal case-insensitive search finds, which (in this invariant-globalization
        // build) ran a character-by-character comparison per rule, 33 times per sentence (issue 9).
        char[]? rented = null;
        var lowered = s.Length <= 256 ? stackalloc char[s.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length)).AsSpan(0, s.Length);
        try
        {
            System.Text.Ascii.ToLower(s, lowered, out _);
            Span<sbyte> cueSeen = stackalloc sbyte[CueWords.Length];
            return RecognizeWithRules(s, sentence, links, lowered, cueSeen);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The first wording that matches <paramref name="s"/> and builds a statement. With <paramref name="lowered"/> (the
    /// ASCII sentence lower-cased), a wording whose cue word is not in it is skipped (<paramref name="cueSeen"/>
    /// remembers each cue word's answer: 0 not looked for, 1 found, -1 not there); without, every pattern runs.
    /// </summary>
    private static ExtendsStatement? RecognizeWithRules(string s, string sentence, IReadOnlyList<TextLink> links, ReadOnlySpan<char> lowered, Span<sbyte> cueSeen)
    {
        for (var i = 0; i < Rules.Length; i++)
        {
            var rule = Rules[i];
            if (!cueSeen.IsEmpty)
            {
                ref var seen = ref cueSeen[RuleCues[i]];
                if (seen == 0)
                {
                    seen = lowered.IndexOf(rule.Cue.AsSpan()) >= 0 ? (sbyte)1 : (sbyte)-1;
                }

                if (seen < 0)
                {
                    continue;
                }
            }

            var m = rule.Match(s);
            if (m is null || !rule.Accept(m))
            {
                continue;
            }

            var statement = Build(rule.Wording, sentence, m, links);
            if (statement is not null)
            {
                return statement;
            }
        }

        return null;
    }

    private static ExtendsStatement? Build(string wording, string sentence, WordingMatch m, IReadOnlyList<TextLink> links)
    {
        var sections = SectionWords.Parse(m.Group("s").Span);
        if (sections.Count == 0)
        {
            sections = SectionWords.Parse(m.Group("subj").Success ? SubjectSections(m.Group("subj").Value) : null);
        }

        var extra = CleanExtra(m.Group("x").Value);
        var pos = m.Group("pos").Value.ToLowerInvariant();
        var linkInPhrase = links.Count == 0 ? null : FirstOverlapping(m.Group("key").Value, links);

        if (m.Group("general").Success)
        {
            return new ExtendsStatement(sentence, wording, [new ExtendsTarget(ExtendsTargetKind.General, null)], false, sections, extra);
        }

        if (pos.Length > 0)
        {
            var kind = pos.Contains("intermediate", StringComparison.Ordinal) ? ExtendsTargetKind.Intermediate : ExtendsTargetKind.Previous;
            return new ExtendsStatement(sentence, wording, [new ExtendsTarget(kind, null, linkInPhrase?.Url)], false, sections, extra);
        }

        var phrase = m.Group("t").Value.Trim().Trim('"', '\'', ' ', ',', '.', ';', ':');
        if (phrase.Length == 0)
        {
            return null;
        }

        if (wording == IncludesLinkedWording && !LinksToRole(LinkFor(phrase, links)))
        {
            // "Includes X responsibilities" is a statement only when X links to what it includes.
            return null;
        }

        var positional = PositionalPhrase(phrase, out var qualifier);
        if (positional is { } p)
        {
            return new ExtendsStatement(sentence, wording, [new ExtendsTarget(p, null, LinkFor(phrase, links)?.Url, qualifier)], false, sections, extra);
        }

        var (parts, isChoice) = TargetPhrase.Split(phrase, links);
        var targets = new List<ExtendsTarget>();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            var link = LinkFor(part, links);
            targets.Add(new ExtendsTarget(ExtendsTargetKind.Named, part, link?.Url));
        }

        if (targets.Count == 0)
        {
            return null;
        }

        // Without a section word, "that of", or a "role" noun, a bare "Extends X" must at least name something role-like.
        var strong = sections.Count > 0 || m.Group("strong").Success || AnyLinked(targets)
            || RoleAfterRegex().IsMatch(m.Group("x").Value)
            || (m.Group("subj").Success && RoleNounAtEndRegex().IsMatch(m.Group("subj").Value));
        if (!strong && !targets.All(t => LooksLikeRole(t.Name!)))
        {
            return null;
        }

        return new ExtendsStatement(sentence, wording, targets, isChoice && targets.Count > 1, sections, extra);
    }

    /// <summary>The first link whose text overlaps <paramref name="part"/> and that has a URL.</summary>
    /// <remarks>
    /// Loops rather than <c>FirstOrDefault</c> with a lambda, here and below: a lambda capturing the match or the part
    /// costs a closure per statement even when the paragraph has no link (issue 9).
    /// </remarks>
    private static TextLink? LinkFor(string part, IReadOnlyList<TextLink> links)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (Overlaps(part, links[i].Text) && links[i].Url.Length > 0)
            {
                return links[i];
            }
        }

        return null;
    }

    /// <summary>The first link whose text overlaps <paramref name="phrase"/>, with or without a URL.</summary>
    private static TextLink? FirstOverlapping(string phrase, IReadOnlyList<TextLink> links)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (Overlaps(phrase, links[i].Text))
            {
                return links[i];
            }
        }

        return null;
    }

    /// <summary>The wording "Includes [X responsibilities](#x)": the sections a link leads to.</summary>
    private const string IncludesLinkedWording = "includes-linked-sections";

    /// <summary>A link to an anchor of the page or to a job-family page: something a role's sections can be taken from.</summary>
    private static bool LinksToRole(TextLink? link) =>
        link is not null && (link.Url.StartsWith('#') || FamilyLookup.IsFamilyUrl(link.Url));

    private static bool AnyLinked(List<ExtendsTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Link is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(string a, string b) => TargetPhrase.Overlaps(a, b);

    private static ExtendsTargetKind? PositionalPhrase(string phrase, out string? qualifier)
    {
        qualifier = null;
        if (PreviousPhraseRegex().Match(phrase) is { Success: true } previous)
        {
            // "previous manager roles": the nearest role above that is a manager (a ladder of ICs, then of managers).
            qualifier = previous.Groups["q"] is { Success: true } q ? q.Value.ToLowerInvariant() : null;
            return ExtendsTargetKind.Previous;
        }

        if (IntermediatePhraseRegex().IsMatch(phrase))
        {
            return ExtendsTargetKind.Intermediate;
        }

        return GeneralPhraseRegex().IsMatch(phrase) ? ExtendsTargetKind.General : null;
    }

    private static bool LooksLikeRole(string name)
    {
        if (name.Length == 0 || !(char.IsUpper(name[0]) || char.IsDigit(name[0])))
        {
            return false;
        }

        // The head noun comes last in English ("Sales Manager", but "Sales Manager dashboard" is a thing);
        // a trailing "(Intermediate)" or ", Team" qualifier is skipped.
        var head = ParentheticalRegex().Replace(name, string.Empty).Split(',')[0];
        var words = WordRegex().Matches(head.ToLowerInvariant()).Select(w => w.Value).ToList();
        return words.Count > 0 && (RoleNouns.Contains(words[^1]) || RoleNouns.Contains(words[^1].TrimEnd('s')));
    }

    private static string SubjectSections(string subject) =>
        Patterns.SubjectSection.Regex.Match(subject) is { Success: true } m ? m.Value : string.Empty;

    private static string? CleanExtra(string x)
    {
        if (x.Length == 0)
        {
            return null; // most statements end with their target or section words: nothing to clean, no regex run
        }

        var cleaned = Patterns.ExtraLead.Regex.Replace(x, string.Empty).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Splits on sentence ends, but not after abbreviations real titles use ("Sr. Manager", "e.g.").</summary>
    private static List<string> SplitSentences(string text)
    {
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (text[i] == '\n')
            {
                AddSentence(result, text[start..i].Trim());
                start = i + 1;
                continue;
            }

            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ' || !(char.IsUpper(text[i + 2]) || text[i + 2] == '['))
            {
                continue;
            }

            var wordStart = text.LastIndexOf(' ', i) + 1;
            var word = text[wordStart..i].ToLowerInvariant();
            if (word is "sr" or "jr" or "e.g" or "i.e" or "vs" or "etc" or "no" or "st" or "mr" or "ms" or "dr")
            {
                continue;
            }

            AddSentence(result, text[start..(i + 1)].Trim());
            start = i + 2;
        }

        AddSentence(result, text[start..].Trim());
        return result;
    }

    /// <summary>Keeps a non-empty sentence (empty ones were filtered out afterwards, in a second list).</summary>
    private static void AddSentence(List<string> sentences, string sentence)
    {
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }

    /// <summary>
    /// One wording. <paramref name="Cue"/> is a word its pattern cannot match without (it is literal and mandatory in
    /// the pattern): a sentence without it skips the pattern, which saves most of the pattern runs per sentence.
    /// </summary>
    /// <summary>Each wording's pattern with its cue word (for the tests that prove every cue is needed by its pattern).</summary>
    internal static IEnumerable<(string Wording, string Cue, Regex Pattern)> CuedPatterns => Rules.Select(r => (r.Wording, r.Cue, r.Pattern.Regex));

    /// <summary>Each wording's match as the recogniser finds it (hand-written matcher first), for the equivalence tests.</summary>
    internal static IEnumerable<(string Wording, Func<string, WordingMatch?> Match)> Matchers => Rules.Select(r => (r.Wording, (Func<string, WordingMatch?>)r.Match));

    /// <summary>The helper patterns (as this process runs them), by name, for the equivalence tests.</summary>
    internal static IEnumerable<(string Name, Regex Pattern)> HelperPatterns =>
        [("SubjectSection", Patterns.SubjectSection.Regex), ("ExtraLead", Patterns.ExtraLead.Regex), ("Continuation", Patterns.Continuation.Regex)];

    /// <summary>
    /// Every pattern that has both engines (<see cref="RecognizerPattern"/>): each wording's, the helpers' and the
    /// "Extends X" matcher's, by name, for the tests proving the generated matchers equal to the interpreted ones.
    /// </summary>
    internal static IEnumerable<(string Name, RecognizerPattern Pattern)> EnginePatterns =>
        Rules.Select(r => (r.Wording, r.Pattern)).Concat(
        [
            ("SubjectSection", Patterns.SubjectSection), ("ExtraLead", Patterns.ExtraLead), ("Continuation", Patterns.Continuation),
            ("SectionsThenEnd", ExtendsNameMatcher.SectionsThenEnd),
        ]);

    /// <summary>A matcher written by hand for one wording; false when it leaves <paramref name="sentence"/> to the pattern.</summary>
    private delegate bool HandMatcher(string sentence, out WordingMatch? match);

    private sealed record Rule(string Wording, string Cue, RecognizerPattern Pattern, Func<WordingMatch, bool> Accept, HandMatcher? Hand = null)
    {
        /// <summary>The wording's match in <paramref name="sentence"/>: by the hand-written matcher where it decides, else by the pattern.</summary>
        public WordingMatch? Match(string sentence)
        {
            if (Hand is not null && Hand(sentence, out var decided))
            {
                return decided;
            }

            var m = Pattern.Regex.Match(sentence);
            return m.Success ? WordingMatch.From(sentence, m) : null;
        }

    }

    private static bool Always(WordingMatch m) => true;

    /// <summary>"…extend the X role" with a plural verb is only a statement when the subject names a section ("The responsibilities of the A extend…").</summary>
    private static bool SentenceSubjectOk(WordingMatch m)
    {
        var subject = m.Group("subj").Value;
        var verb = m.Group("verb").Value.ToLowerInvariant();
        if (verb == "extend" && SectionWords.Parse(subject).Count == 0)
        {
            return false;
        }

        // A sentence statement names a role on the left or the right: "The Senior X role extends …", "… extends that of
        // the Y", "… extends the Y role", "… extends the Y requirements". "The team extends the Product roadmap" does not.
        return m.Group("strong").Success || RoleNounAtEndRegex().IsMatch(subject) || m.Group("s").Success || SectionWords.Parse(subject).Count > 0;
    }

    private static bool HasContinuation(WordingMatch m) =>
        Patterns.Continuation.Regex.IsMatch(m.Group("x").Value);

    private static readonly Rule[] Rules =
    [
        new("extends-colon", "extends", Patterns.ExtendsColon, Always),
        new("extends-general", "extends", Patterns.ExtendsGeneral, Always),
        new("extends-sections-of", "extends", Patterns.ExtendsSectionsOf, Always),
        new("extends-sections-above", "extends", Patterns.ExtendsSectionsAbove, Always),
        new("extends-to-that-of", "extends", Patterns.ExtendsToThatOf, Always),
        new("extends-name", "extends", Patterns.ExtendsName, Always, ExtendsNameMatcher.TryMatch),
        new("role-extends-sections-of", "extend", Patterns.SentenceExtendsSectionsOf, SentenceSubjectOk),
        new("role-extends-sections-above", "extend", Patterns.SentenceExtendsSectionsAbove, SentenceSubjectOk),
        new("role-extends-name", "extend", Patterns.SentenceExtendsName, SentenceSubjectOk),
        new("sections-for-extend", "extend", Patterns.SectionsForExtend, TargetLooksLikeRole),
        new("includes-all-above", "include", Patterns.IncludesAllAbove, Always),
        new("includes-all-of-role", "include", Patterns.IncludesAllOf, Always),
        new("includes-all-level-listed", "include", Patterns.IncludesAllLevelListed, Always),
        new(IncludesLinkedWording, "include", Patterns.IncludesLinkedSections, Always),
        new("shares-same-above", "shar", Patterns.SharesSameAbove, Always),
        new("shares-same-as", "shar", Patterns.SharesSameAs, Always),
        new("has-all-same-above", "same", Patterns.HasAllSameAbove, Always),
        new("has-all-same-as", "same", Patterns.HasAllSameAs, Always),
        new("has-same-as", "same", Patterns.HasSameAs, Always),
        new("all-sections-of", "all", Patterns.AllSectionsOf, HasContinuation),
        new("all-sections-listed-for", "all", Patterns.AllSectionsListedFor, TargetLooksLikeRole),
        new("all-sections-listed-above", "all", Patterns.AllSectionsListedAbove, Always),
        new("the-sections-of-plus", "plus", Patterns.TheSectionsOfPlus, Always),
        new("role-sections-plus", "plus", Patterns.RoleSectionsPlus, TargetLooksLikeRole),
        new("in-addition-above", "addition", Patterns.InAdditionAbove, Always),
        new("in-addition-for", "addition", Patterns.InAdditionFor, Always),
        new("in-addition-corresponding", "addition", Patterns.InAdditionCorresponding, Always),
        new("in-addition-above-for", "addition", Patterns.InAdditionAboveFor, Always),
        new("same-as", "same", Patterns.SameAs, Always),
        new("everything-in", "everything", Patterns.EverythingIn, Always),
        new("inherits", "inherits", Patterns.Inherits, Always),
        new("has-all-of", "all", Patterns.HasAllOf, Always),
        new("in-addition-role-sections", "addition", Patterns.InAdditionRoleSections, TargetLooksLikeRole),
        new("adheres-same-for", "same", Patterns.AdheresSameFor, TargetLooksLikeRole),
        new("must-meet-sections-for", "meet", Patterns.MustMeetSectionsFor, TargetLooksLikeRole),
        new("sections-extend-those-of", "those", Patterns.SectionsExtendThoseOf, TargetLooksLikeRole),
    ];

    /// <summary>
    /// The distinct cue words (all lower case), and the index of each rule's cue among them. A sentence without a cue
    /// word skips its rules' patterns. Only decided for ASCII text: there an ordinal search of the lower-cased text finds
    /// exactly what the case-insensitive patterns' letters match; other text (which may hold letters the patterns treat as
    /// case variants, such as the Kelvin sign) runs every pattern.
    /// </summary>
    private static readonly string[] CueWords = Rules.Select(r => r.Cue).Distinct(StringComparer.Ordinal).ToArray();

    private static readonly int[] RuleCues = Rules.Select(r => Array.IndexOf(CueWords, r.Cue)).ToArray();

    /// <summary>"In addition to the other Widget Designer responsibilities, …" names a role; "In addition to the team responsibilities, …" does not.</summary>
    private static bool TargetLooksLikeRole(WordingMatch m) => LooksLikeRole(m.Group("t").Value);

    [GeneratedRegex(@"\bextends?\b|\bplus\b|\bsame\b|\ball\b|\beverything\b|\binherits\b|\bin\s+addition\b|\binclude[sd]?\b|\bmeet\b|\bmatch(?:es)?\b", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CueRegex();

    [GeneratedRegex(@"^(?:[-*+]\s+|\d+[.)]\s+)+", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"\((?<inner>extends\s+[^()]+)\)", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ParenthesisedRegex();

    // "previous" alone: "All responsibilities of previous roles plus:" leaves "previous" once the ending took "roles";
    // "previous manager roles" names the nearest level of that kind (q).
    [GeneratedRegex(@"^(?:above|(?:the\s+)?(?:ones\s+)?(?:outlined|listed|defined|described)\s+above|(?:the\s+)?previous(?:\s+(?<q>(?!(?:levels?|roles?|positions?)\b)[a-z]+))?(?:\s+(?:levels?|roles?|positions?))?)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex PreviousPhraseRegex();

    [GeneratedRegex(@"^(?:the\s+)?intermediate\s+(?:position|level|role)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex IntermediatePhraseRegex();

    [GeneratedRegex(@"^(?:general|base)$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex GeneralPhraseRegex();

    [GeneratedRegex(@"^\s*(?:role|position)s?\b", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex RoleAfterRegex();

    [GeneratedRegex(@"\([^()]*\)", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ParentheticalRegex();

    [GeneratedRegex(@"[a-z0-9&]+", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\b(?:role|position|positions|roles)\s*$", Options, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex RoleNounAtEndRegex();

    /// <summary>
    /// The wording patterns and the helper patterns that embed the section-word list, each with its generated matcher
    /// (run in the published, ahead-of-time compiled tool) and its text for the interpreter (run under the JIT): see
    /// <see cref="RecognizerPattern"/>. A nested class, so they exist before <see cref="Rules"/> is built.
    /// </summary>
    private static partial class Patterns
    {
        private const string ExtendsColonText = @"^extends\s*:\s*(?<strong>)(?<key>(?<t>.+?))(?<x>[.;]?)$";

        public static readonly RecognizerPattern ExtendsColon = new(ExtendsColonText, Options, ExtendsColonGenerated);

        [GeneratedRegex(ExtendsColonText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtendsColonGenerated();

        private const string ExtendsGeneralText = @"^extends\s+(?:that\s+of\s+)?(?:the\s+)?(?<general>general)\s+(?<s>" + S + @")\b(?<x>.*)$";

        public static readonly RecognizerPattern ExtendsGeneral = new(ExtendsGeneralText, Options, ExtendsGeneralGenerated);

        [GeneratedRegex(ExtendsGeneralText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtendsGeneralGenerated();

        private const string ExtendsSectionsOfText = @"^extends\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern ExtendsSectionsOf = new(ExtendsSectionsOfText, Options, ExtendsSectionsOfGenerated);

        [GeneratedRegex(ExtendsSectionsOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtendsSectionsOfGenerated();

        private const string ExtendsSectionsAboveText = @"^extends\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?:section\s+)?(?<pos>above))(?<x>.*)$";

        public static readonly RecognizerPattern ExtendsSectionsAbove = new(ExtendsSectionsAboveText, Options, ExtendsSectionsAboveGenerated);

        [GeneratedRegex(ExtendsSectionsAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtendsSectionsAboveGenerated();

        private const string ExtendsNameText = @"^extends\s+(?:either\s+)?(?<strong>that\s+of\s+|that\s+)?(?:the\s+|thet\s+)?(?<key>(?<t>.+?))(?:\s+(?<s>" + S + @"))?" + End + "$";

        public static readonly RecognizerPattern ExtendsName = new(ExtendsNameText, Options, ExtendsNameGenerated);

        [GeneratedRegex(ExtendsNameText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtendsNameGenerated();

        // "Extends to that of an Associate Widget Manager" (before extends-name, which would take "to that of an …" for
        // the name when section words follow).
        private const string ExtendsToThatOfText = @"^extends\s+to\s+(?<strong>that\s+of\s+)" + Art + @"(?<key>(?<t>.+?))(?:\s+(?<s>" + S + @"))?" + End + "$";

        public static readonly RecognizerPattern ExtendsToThatOf = new(ExtendsToThatOfText, Options, ExtendsToThatOfGenerated);

        [GeneratedRegex(ExtendsToThatOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtendsToThatOfGenerated();

        private const string SentenceExtendsSectionsOfText = @"^(?<subj>(?:the|this|it|that)\b.*?|.*?\band)\s+(?<verb>extends?)\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern SentenceExtendsSectionsOf = new(SentenceExtendsSectionsOfText, Options, SentenceExtendsSectionsOfGenerated);

        [GeneratedRegex(SentenceExtendsSectionsOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SentenceExtendsSectionsOfGenerated();

        private const string SentenceExtendsSectionsAboveText = @"^(?<subj>(?:the|this|it|that)\b.*?)\s+(?<verb>extends?)\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?:section\s+)?(?<pos>above))(?<x>.*)$";

        public static readonly RecognizerPattern SentenceExtendsSectionsAbove = new(SentenceExtendsSectionsAboveText, Options, SentenceExtendsSectionsAboveGenerated);

        [GeneratedRegex(SentenceExtendsSectionsAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SentenceExtendsSectionsAboveGenerated();

        private const string SentenceExtendsNameText = @"^(?i:(?<subj>(?:the|this|it|that)\b.*?|.*?\band)\s+(?<verb>extends?)\s+(?:either\s+)?(?<strong>that\s+of\s+)?(?:the\s+)?)(?<key>(?<t>[\p{Lu}\d].*?))(?i:(?:\s+(?<s>" + S + @"))?" + End + ")$";

        public static readonly RecognizerPattern SentenceExtendsName = new(SentenceExtendsNameText, RegexOptions.CultureInvariant, SentenceExtendsNameGenerated);

        [GeneratedRegex(SentenceExtendsNameText, RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SentenceExtendsNameGenerated();

        // "Responsibilities for the Widget Analyst (Intermediate) extend the Associate Widget Analyst job." The subject
        // starts with its section words (the sentence has no "The"), and "job" may stand where other pages write "role".
        private const string SectionsForExtendText = @"^(?<subj>(?<s>" + S + @")\s+(?:for|of)\s+.+?)\s+(?<verb>extends?)\s+(?:that\s+of\s+)?(?:the\s+)?(?<key>(?<t>.+?))(?:\s+jobs?\b)?" + End + "$";

        public static readonly RecognizerPattern SectionsForExtend = new(SectionsForExtendText, Options, SectionsForExtendGenerated);

        [GeneratedRegex(SectionsForExtendText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SectionsForExtendGenerated();

        private const string IncludesAllAboveText = @"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>above|listed\s+above|outlined\s+above|defined\s+above|of\s+the\s+previous\s+levels?|from\s+the\s+previous\s+levels?|listed))(?<x>.*)$";

        public static readonly RecognizerPattern IncludesAllAbove = new(IncludesAllAboveText, Options, IncludesAllAboveGenerated);

        [GeneratedRegex(IncludesAllAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex IncludesAllAboveGenerated();

        private const string IncludesAllOfText = @"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern IncludesAllOf = new(IncludesAllOfText, Options, IncludesAllOfGenerated);

        [GeneratedRegex(IncludesAllOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex IncludesAllOfGenerated();

        // "Includes [base-level responsibilities](#responsibilities)", "Includes [Senior-level requirements](#senior-x-requirements)":
        // only with a link to an anchor or a job-family page over the target (see Build), so "Includes on-call duties" stays prose.
        private const string IncludesLinkedSectionsText = @"^include[sd]?\s+(?:the\s+)?(?<key>(?<t>.+?)(?:[-\s]+levels?)?\s+(?<s>" + S + @"))" + End + "$";

        public static readonly RecognizerPattern IncludesLinkedSections = new(IncludesLinkedSectionsText, Options, IncludesLinkedSectionsGenerated);

        [GeneratedRegex(IncludesLinkedSectionsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex IncludesLinkedSectionsGenerated();

        private const string IncludesAllLevelListedText = @"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<t>.+?)\s+levels?\s+(?<s>" + S + @")\s+listed)(?<x>.*)$";

        public static readonly RecognizerPattern IncludesAllLevelListed = new(IncludesAllLevelListedText, Options, IncludesAllLevelListedGenerated);

        [GeneratedRegex(IncludesAllLevelListedText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex IncludesAllLevelListedGenerated();

        private const string SharesSameAboveText = @"^(?<subj>.*?)\bshar(?:e|es|ing)\s+the\s+same\s+(?<key>(?<s>" + S + @")\s+(?<pos>(?:outlined|listed|defined|described)\s+above))(?<x>.*)$";

        public static readonly RecognizerPattern SharesSameAbove = new(SharesSameAboveText, Options, SharesSameAboveGenerated);

        [GeneratedRegex(SharesSameAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SharesSameAboveGenerated();

        private const string SharesSameAsText = @"^(?<subj>.*?)\bshar(?:e|es|ing)\s+the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern SharesSameAs = new(SharesSameAsText, Options, SharesSameAsGenerated);

        [GeneratedRegex(SharesSameAsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SharesSameAsGenerated();

        private const string HasAllSameAboveText = @"^(?<subj>.*?)\bha(?:s|ve)\s+all\s+(?:of\s+)?the\s+same\s+(?<s>" + S + @")\s+as\s+(?<key>(?<pos>the\s+ones\s+(?:outlined|listed|defined)\s+above|the\s+intermediate\s+(?:position|level|role)))(?<x>.*)$";

        public static readonly RecognizerPattern HasAllSameAbove = new(HasAllSameAboveText, Options, HasAllSameAboveGenerated);

        [GeneratedRegex(HasAllSameAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex HasAllSameAboveGenerated();

        private const string HasAllSameAsText = @"^(?<subj>.*?)\bha(?:s|ve)\s+all\s+(?:of\s+)?the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern HasAllSameAs = new(HasAllSameAsText, Options, HasAllSameAsGenerated);

        [GeneratedRegex(HasAllSameAsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex HasAllSameAsGenerated();

        private const string HasSameAsText = @"^(?<subj>.*?)\bha(?:s|ve)\s+the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern HasSameAs = new(HasSameAsText, Options, HasSameAsGenerated);

        [GeneratedRegex(HasSameAsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex HasSameAsGenerated();

        private const string AllSectionsOfText = @"^all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))(?:\s+at\s+(?:the\s+)?previous\s+levels?)?" + End + "$";

        public static readonly RecognizerPattern AllSectionsOf = new(AllSectionsOfText, Options, AllSectionsOfGenerated);

        [GeneratedRegex(AllSectionsOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex AllSectionsOfGenerated();

        // "All of the responsibilities listed for the Senior Widget Engineer, plus:" – "listed for" points at a list, so
        // no continuation is needed (unlike "All responsibilities of X", which may be prose); the target must look like a role.
        private const string AllSectionsListedForText = @"^all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:listed|outlined|defined|described)\s+(?:for|under)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern AllSectionsListedFor = new(AllSectionsListedForText, Options, AllSectionsListedForGenerated);

        [GeneratedRegex(AllSectionsListedForText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex AllSectionsListedForGenerated();

        // "All requirements listed above (applicable to all roles)": the page's general list when the parenthesis says it
        // applies to all roles, else the role above. Only punctuation or "plus" may follow, so "All requirements listed
        // above are mandatory" stays prose.
        private const string AllSectionsListedAboveText = @"^all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>(?:listed|outlined|defined|described)\s+above))(?:\s*\((?:(?<general>applicable\s+to\s+(?:all|every|each)\s+(?:roles?|levels?|positions?))|[^()]*)\))?(?<x>\s*(?:,?\s*\bplus\b.*|[.:;,])?\s*)$";

        public static readonly RecognizerPattern AllSectionsListedAbove = new(AllSectionsListedAboveText, Options, AllSectionsListedAboveGenerated);

        [GeneratedRegex(AllSectionsListedAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex AllSectionsListedAboveGenerated();

        private const string TheSectionsOfPlusText = @"^(?:the\s+)?(?<key>(?:same\s+)?(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))(?<x>,?\s*\bplus\b.*)$";

        public static readonly RecognizerPattern TheSectionsOfPlus = new(TheSectionsOfPlusText, Options, TheSectionsOfPlusGenerated);

        [GeneratedRegex(TheSectionsOfPlusText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex TheSectionsOfPlusGenerated();

        // "The Senior responsibilities, plus the responsibilities below:" – the role named before its section words.
        private const string RoleSectionsPlusText = @"^(?:the\s+)?(?<key>(?<t>.+?)\s+(?<s>" + S + @"))(?<x>,?\s*\bplus\b.*)$";

        public static readonly RecognizerPattern RoleSectionsPlus = new(RoleSectionsPlusText, Options, RoleSectionsPlusGenerated);

        [GeneratedRegex(RoleSectionsPlusText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex RoleSectionsPlusGenerated();

        private const string InAdditionAboveText = @"^in\s+addition\s+to\s+(?:the\s+same\s+|meeting\s+all\s+(?:of\s+)?the\s+|all\s+(?:of\s+)?the\s+|the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>(?:defined|listed|outlined|described)\s+above))\s*,\s*(?<x>.*)$";

        public static readonly RecognizerPattern InAdditionAbove = new(InAdditionAboveText, Options, InAdditionAboveGenerated);

        [GeneratedRegex(InAdditionAboveText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex InAdditionAboveGenerated();

        private const string InAdditionForText = @"^in\s+addition\s+to\s+(?:the\s+same\s+|meeting\s+all\s+(?:of\s+)?the\s+|all\s+(?:of\s+)?the\s+|the\s+)?(?:general\s+)?(?<s>" + S + @")\s+(?:(?:defined|listed|outlined|described)\s+above\s+)?(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))(?<x>(?:\s+specialty\b|\s+specialization\b|,\s+(?:the|this|a|an|they|he|she)\s|\s*:).*)$";

        public static readonly RecognizerPattern InAdditionFor = new(InAdditionForText, Options, InAdditionForGenerated);

        [GeneratedRegex(InAdditionForText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex InAdditionForGenerated();

        private const string InAdditionAboveForText = @"^in\s+addition\s+to\s+the\s+above\s+(?<s>" + S + @")\s+(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))(?<x>(?:,|:).*)$";

        public static readonly RecognizerPattern InAdditionAboveFor = new(InAdditionAboveForText, Options, InAdditionAboveForGenerated);

        [GeneratedRegex(InAdditionAboveForText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex InAdditionAboveForGenerated();

        private const string InAdditionCorrespondingText = @"^in\s+addition\s+to\s+the\s+(?<key>(?<t>corresponding\s+.+?))\s+(?<s>" + S + @")(?<x>.*)$";

        public static readonly RecognizerPattern InAdditionCorresponding = new(InAdditionCorrespondingText, Options, InAdditionCorrespondingGenerated);

        [GeneratedRegex(InAdditionCorrespondingText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex InAdditionCorrespondingGenerated();

        private const string SameAsText = @"^(?:the\s+)?same\s+(?<s>" + S + @")\s+as\s+" + Art + @"(?<key>(?<t>.+?))(?:\s+(?:listed|outlined|defined)\s+above)?" + End + "$";

        public static readonly RecognizerPattern SameAs = new(SameAsText, Options, SameAsGenerated);

        [GeneratedRegex(SameAsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SameAsGenerated();

        private const string EverythingInText = @"^everything\s+(?:in|under|from|of)\s+(?:the\s+)?(?<key>(?<t>.+?))(?:\s+roles?)?[""']?(?<x>,?\s*\bplus\b.*|,?\s*\band\s+also\b.*|[.:;]?)$";

        public static readonly RecognizerPattern EverythingIn = new(EverythingInText, Options, EverythingInGenerated);

        [GeneratedRegex(EverythingInText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex EverythingInGenerated();

        private const string InheritsText = @"^(?<subj>.*?)\binherits\s+(?:all\s+(?:of\s+)?)?the\s+(?<s>" + S + @")\s+(?:of|from)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern Inherits = new(InheritsText, Options, InheritsGenerated);

        [GeneratedRegex(InheritsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex InheritsGenerated();

        private const string HasAllOfText = @"^(?<subj>.*?)\b(?:has|have|meets|meet)\s+all\s+(?:of\s+)?the\s+(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern HasAllOf = new(HasAllOfText, Options, HasAllOfGenerated);

        [GeneratedRegex(HasAllOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex HasAllOfGenerated();

        private const string InAdditionRoleSectionsText = @"^in\s+addition\s+to\s+(?:the\s+|all\s+(?:of\s+)?the\s+)?(?:other\s+)?(?<key>(?<t>.+?))\s+(?<s>" + S + @")\s*,\s*(?<x>.*)$";

        public static readonly RecognizerPattern InAdditionRoleSections = new(InAdditionRoleSectionsText, Options, InAdditionRoleSectionsGenerated);

        [GeneratedRegex(InAdditionRoleSectionsText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex InAdditionRoleSectionsGenerated();

        // "The engineer must meet the requirements for a Senior Widget Engineer (or above)." ("must meet all of the …" is has-all-of).
        private const string MustMeetSectionsForText = @"^(?<subj>.*?)\b(?:must|shall|should|will|to|also)\s+meet\s+the\s+(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))(?:\s*\(\s*or\s+(?:above|higher)\s*\))?" + End + "$";

        public static readonly RecognizerPattern MustMeetSectionsFor = new(MustMeetSectionsForText, Options, MustMeetSectionsForGenerated);

        [GeneratedRegex(MustMeetSectionsForText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex MustMeetSectionsForGenerated();

        // "Director, Widgets responsibilities extend those of [Director, Gadgets](…)", "… requirements match those of
        // [Senior Manager, Gadgets](…)": the subject ends with its section words and the target follows "those of"
        // (Hugo-era engineering management pages). "… nice-to-have requirements extend those of …" names the
        // nice-to-haves (the word "requirements" after them is skipped). The target must look like a role: "Our
        // requirements match those of the industry" is prose.
        private const string SectionsExtendThoseOfText = @"^(?<subj>.*?\b(?<s>" + S + @"))(?:\s+requirements?)?\s+(?<verb>extends?|match(?:es)?)\s+those\s+of\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern SectionsExtendThoseOf = new(SectionsExtendThoseOfText, Options, SectionsExtendThoseOfGenerated);

        [GeneratedRegex(SectionsExtendThoseOfText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SectionsExtendThoseOfGenerated();

        private const string AdheresSameForText = @"^(?<subj>.*?)\badher(?:e|es|ing)\s+to\s+(?:all\s+(?:of\s+)?)?the\s+same\s+(?<s>" + S + @")\s+(?:(?:listed|outlined|defined|described)\s+above\s+)?(?:for|of|as)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$";

        public static readonly RecognizerPattern AdheresSameFor = new(AdheresSameForText, Options, AdheresSameForGenerated);

        [GeneratedRegex(AdheresSameForText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex AdheresSameForGenerated();

        private const string SubjectSectionText = @"\b" + S;

        public static readonly RecognizerPattern SubjectSection = new(SubjectSectionText, Options, SubjectSectionGenerated);

        [GeneratedRegex(SubjectSectionText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex SubjectSectionGenerated();

        private const string ContinuationText = @"plus|also|following|as\s+well|in\s+addition|[:;]";

        public static readonly RecognizerPattern Continuation = new(ContinuationText, Options, ContinuationGenerated);

        [GeneratedRegex(ContinuationText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ContinuationGenerated();

        private const string ExtraLeadText = @"^[\s,;:.]*(?:(?:roles?|positions?)\b)?[\s,;:.]*(?:plus\b|and\s+also\b|and\s+includes?\b|as\s+well\s+as\s+the\s+following\b|with\s+the\s+following\b)?[\s,;:.]*";

        public static readonly RecognizerPattern ExtraLead = new(ExtraLeadText, Options, ExtraLeadGenerated);

        [GeneratedRegex(ExtraLeadText, Options, RegexLimits.MatchTimeoutMilliseconds)]
        private static partial Regex ExtraLeadGenerated();
    }
}
