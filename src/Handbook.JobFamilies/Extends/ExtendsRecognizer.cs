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
            return CueRegex().IsMatch(buffer.AsSpan(0, text.Length));
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
        if (!CueRegex().IsMatch(whole))
        {
            return null;
        }

        var sentences = SplitSentences(whole);
        for (var i = 0; i < sentences.Count; i++)
        {
            var found = RecognizeSentence(sentences[i], text.Links);
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

        var isAscii = System.Text.Ascii.IsValid(s);
        foreach (var rule in Rules)
        {
            if (!rule.MayMatch(s, isAscii))
            {
                continue;
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
        Interpreted.SubjectSection.Regex.Match(subject) is { Success: true } m ? m.Value : string.Empty;

    private static string? CleanExtra(string x)
    {
        if (x.Length == 0)
        {
            return null; // most statements end with their target or section words: nothing to clean, no regex run
        }

        var cleaned = Interpreted.ExtraLead.Regex.Replace(x, string.Empty).Trim();
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

    /// <summary>The helper patterns run by the interpreter, by name, for the equivalence tests.</summary>
    internal static IEnumerable<(string Name, Regex Pattern)> HelperPatterns =>
        [("SubjectSection", Interpreted.SubjectSection.Regex), ("ExtraLead", Interpreted.ExtraLead.Regex), ("Continuation", Interpreted.Continuation.Regex)];

    /// <summary>A matcher written by hand for one wording; false when it leaves <paramref name="sentence"/> to the pattern.</summary>
    private delegate bool HandMatcher(string sentence, out WordingMatch? match);

    private sealed record Rule(string Wording, string Cue, InterpretedPattern Pattern, Func<WordingMatch, bool> Accept, HandMatcher? Hand = null)
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

        /// <summary>
        /// False when the pattern cannot match <paramref name="sentence"/>. Only decided for ASCII text: there an
        /// ordinal case-insensitive search finds exactly what the case-insensitive pattern's letters match; other
        /// text (which may hold letters the pattern treats as case variants, such as the Kelvin sign) runs the pattern.
        /// </summary>
        public bool MayMatch(string sentence, bool isAscii) => !isAscii || sentence.Contains(Cue, StringComparison.OrdinalIgnoreCase);
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
        Interpreted.Continuation.Regex.IsMatch(m.Group("x").Value);

    private static readonly Rule[] Rules =
    [
        new("extends-colon", "extends", Interpreted.ExtendsColon, Always),
        new("extends-general", "extends", Interpreted.ExtendsGeneral, Always),
        new("extends-sections-of", "extends", Interpreted.ExtendsSectionsOf, Always),
        new("extends-sections-above", "extends", Interpreted.ExtendsSectionsAbove, Always),
        new("extends-to-that-of", "extends", Interpreted.ExtendsToThatOf, Always),
        new("extends-name", "extends", Interpreted.ExtendsName, Always, ExtendsNameMatcher.TryMatch),
        new("role-extends-sections-of", "extend", Interpreted.SentenceExtendsSectionsOf, SentenceSubjectOk),
        new("role-extends-sections-above", "extend", Interpreted.SentenceExtendsSectionsAbove, SentenceSubjectOk),
        new("role-extends-name", "extend", Interpreted.SentenceExtendsName, SentenceSubjectOk),
        new("sections-for-extend", "extend", Interpreted.SectionsForExtend, TargetLooksLikeRole),
        new("includes-all-above", "include", Interpreted.IncludesAllAbove, Always),
        new("includes-all-of-role", "include", Interpreted.IncludesAllOf, Always),
        new("includes-all-level-listed", "include", Interpreted.IncludesAllLevelListed, Always),
        new(IncludesLinkedWording, "include", Interpreted.IncludesLinkedSections, Always),
        new("shares-same-above", "shar", Interpreted.SharesSameAbove, Always),
        new("shares-same-as", "shar", Interpreted.SharesSameAs, Always),
        new("has-all-same-above", "same", Interpreted.HasAllSameAbove, Always),
        new("has-all-same-as", "same", Interpreted.HasAllSameAs, Always),
        new("has-same-as", "same", Interpreted.HasSameAs, Always),
        new("all-sections-of", "all", Interpreted.AllSectionsOf, HasContinuation),
        new("the-sections-of-plus", "plus", Interpreted.TheSectionsOfPlus, Always),
        new("role-sections-plus", "plus", Interpreted.RoleSectionsPlus, TargetLooksLikeRole),
        new("in-addition-above", "addition", Interpreted.InAdditionAbove, Always),
        new("in-addition-for", "addition", Interpreted.InAdditionFor, Always),
        new("in-addition-corresponding", "addition", Interpreted.InAdditionCorresponding, Always),
        new("in-addition-above-for", "addition", Interpreted.InAdditionAboveFor, Always),
        new("same-as", "same", Interpreted.SameAs, Always),
        new("everything-in", "everything", Interpreted.EverythingIn, Always),
        new("inherits", "inherits", Interpreted.Inherits, Always),
        new("has-all-of", "all", Interpreted.HasAllOf, Always),
        new("in-addition-role-sections", "addition", Interpreted.InAdditionRoleSections, TargetLooksLikeRole),
        new("adheres-same-for", "same", Interpreted.AdheresSameFor, TargetLooksLikeRole),
        new("must-meet-sections-for", "meet", Interpreted.MustMeetSectionsFor, TargetLooksLikeRole),
    ];

    /// <summary>"In addition to the other Widget Designer responsibilities, …" names a role; "In addition to the team responsibilities, …" does not.</summary>
    private static bool TargetLooksLikeRole(WordingMatch m) => LooksLikeRole(m.Group("t").Value);

    [GeneratedRegex(@"\bextends?\b|\bplus\b|\bsame\b|\ball\b|\beverything\b|\binherits\b|\bin\s+addition\b|\binclude[sd]?\b|\bmeet\b", Options, RegexLimits.MatchTimeoutMilliseconds)]
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
    /// The wording patterns and the helper patterns that embed the section-word list, run by the interpreter (see
    /// <see cref="InterpretedPattern"/>). A nested class, so they exist before <see cref="Rules"/> is built.
    /// </summary>
    private static class Interpreted
    {
        public static readonly InterpretedPattern ExtendsColon = new(@"^extends\s*:\s*(?<strong>)(?<key>(?<t>.+?))(?<x>[.;]?)$", Options);

        public static readonly InterpretedPattern ExtendsGeneral = new(@"^extends\s+(?:that\s+of\s+)?(?:the\s+)?(?<general>general)\s+(?<s>" + S + @")\b(?<x>.*)$", Options);

        public static readonly InterpretedPattern ExtendsSectionsOf = new(@"^extends\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern ExtendsSectionsAbove = new(@"^extends\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?:section\s+)?(?<pos>above))(?<x>.*)$", Options);

        public static readonly InterpretedPattern ExtendsName = new(@"^extends\s+(?:either\s+)?(?<strong>that\s+of\s+|that\s+)?(?:the\s+|thet\s+)?(?<key>(?<t>.+?))(?:\s+(?<s>" + S + @"))?" + End + "$", Options);

        // "Extends to that of an Associate Widget Manager" (before extends-name, which would take "to that of an …" for
        // the name when section words follow).
        public static readonly InterpretedPattern ExtendsToThatOf = new(@"^extends\s+to\s+(?<strong>that\s+of\s+)" + Art + @"(?<key>(?<t>.+?))(?:\s+(?<s>" + S + @"))?" + End + "$", Options);

        public static readonly InterpretedPattern SentenceExtendsSectionsOf = new(@"^(?<subj>(?:the|this|it|that)\b.*?|.*?\band)\s+(?<verb>extends?)\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern SentenceExtendsSectionsAbove = new(@"^(?<subj>(?:the|this|it|that)\b.*?)\s+(?<verb>extends?)\s+(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?:section\s+)?(?<pos>above))(?<x>.*)$", Options);

        public static readonly InterpretedPattern SentenceExtendsName = new(@"^(?i:(?<subj>(?:the|this|it|that)\b.*?|.*?\band)\s+(?<verb>extends?)\s+(?:either\s+)?(?<strong>that\s+of\s+)?(?:the\s+)?)(?<key>(?<t>[\p{Lu}\d].*?))(?i:(?:\s+(?<s>" + S + @"))?" + End + ")$", RegexOptions.CultureInvariant);

        // "Responsibilities for the Widget Analyst (Intermediate) extend the Associate Widget Analyst job." The subject
        // starts with its section words (the sentence has no "The"), and "job" may stand where other pages write "role".
        public static readonly InterpretedPattern SectionsForExtend = new(@"^(?<subj>(?<s>" + S + @")\s+(?:for|of)\s+.+?)\s+(?<verb>extends?)\s+(?:that\s+of\s+)?(?:the\s+)?(?<key>(?<t>.+?))(?:\s+jobs?\b)?" + End + "$", Options);

        public static readonly InterpretedPattern IncludesAllAbove = new(@"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>above|listed\s+above|outlined\s+above|defined\s+above|of\s+the\s+previous\s+levels?|from\s+the\s+previous\s+levels?|listed))(?<x>.*)$", Options);

        public static readonly InterpretedPattern IncludesAllOf = new(@"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        // "Includes [base-level responsibilities](#responsibilities)", "Includes [Senior-level requirements](#senior-x-requirements)":
        // only with a link to an anchor or a job-family page over the target (see Build), so "Includes on-call duties" stays prose.
        public static readonly InterpretedPattern IncludesLinkedSections = new(@"^include[sd]?\s+(?:the\s+)?(?<key>(?<t>.+?)(?:[-\s]+levels?)?\s+(?<s>" + S + @"))" + End + "$", Options);

        public static readonly InterpretedPattern IncludesAllLevelListed = new(@"^(?<subj>(?:(?:the|this)\b.*?)?)\s*\binclude[sd]?\s+all\s+(?:of\s+)?(?:the\s+)?(?<key>(?<t>.+?)\s+levels?\s+(?<s>" + S + @")\s+listed)(?<x>.*)$", Options);

        public static readonly InterpretedPattern SharesSameAbove = new(@"^(?<subj>.*?)\bshar(?:e|es|ing)\s+the\s+same\s+(?<key>(?<s>" + S + @")\s+(?<pos>(?:outlined|listed|defined|described)\s+above))(?<x>.*)$", Options);

        public static readonly InterpretedPattern SharesSameAs = new(@"^(?<subj>.*?)\bshar(?:e|es|ing)\s+the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern HasAllSameAbove = new(@"^(?<subj>.*?)\bha(?:s|ve)\s+all\s+(?:of\s+)?the\s+same\s+(?<s>" + S + @")\s+as\s+(?<key>(?<pos>the\s+ones\s+(?:outlined|listed|defined)\s+above|the\s+intermediate\s+(?:position|level|role)))(?<x>.*)$", Options);

        public static readonly InterpretedPattern HasAllSameAs = new(@"^(?<subj>.*?)\bha(?:s|ve)\s+all\s+(?:of\s+)?the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern HasSameAs = new(@"^(?<subj>.*?)\bha(?:s|ve)\s+the\s+same\s+(?<s>" + S + @")\s+as\s+(?:other\s+)?" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern AllSectionsOf = new(@"^all\s+(?:of\s+)?(?:the\s+)?(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))(?:\s+at\s+(?:the\s+)?previous\s+levels?)?" + End + "$", Options);

        public static readonly InterpretedPattern TheSectionsOfPlus = new(@"^(?:the\s+)?(?<key>(?:same\s+)?(?<s>" + S + @")\s+of\s+" + Art + @"(?<t>.+?))(?<x>,?\s*\bplus\b.*)$", Options);

        // "The Senior responsibilities, plus the responsibilities below:" – the role named before its section words.
        public static readonly InterpretedPattern RoleSectionsPlus = new(@"^(?:the\s+)?(?<key>(?<t>.+?)\s+(?<s>" + S + @"))(?<x>,?\s*\bplus\b.*)$", Options);

        public static readonly InterpretedPattern InAdditionAbove = new(@"^in\s+addition\s+to\s+(?:the\s+same\s+|meeting\s+all\s+(?:of\s+)?the\s+|all\s+(?:of\s+)?the\s+|the\s+)?(?<key>(?<s>" + S + @")\s+(?<pos>(?:defined|listed|outlined|described)\s+above))\s*,\s*(?<x>.*)$", Options);

        public static readonly InterpretedPattern InAdditionFor = new(@"^in\s+addition\s+to\s+(?:the\s+same\s+|meeting\s+all\s+(?:of\s+)?the\s+|all\s+(?:of\s+)?the\s+|the\s+)?(?:general\s+)?(?<s>" + S + @")\s+(?:(?:defined|listed|outlined|described)\s+above\s+)?(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))(?<x>(?:\s+specialty\b|\s+specialization\b|,\s+(?:the|this|a|an|they|he|she)\s|\s*:).*)$", Options);

        public static readonly InterpretedPattern InAdditionAboveFor = new(@"^in\s+addition\s+to\s+the\s+above\s+(?<s>" + S + @")\s+(?:for|of)\s+" + Art + @"(?<key>(?<t>.+?))(?<x>(?:,|:).*)$", Options);

        public static readonly InterpretedPattern InAdditionCorresponding = new(@"^in\s+addition\s+to\s+the\s+(?<key>(?<t>corresponding\s+.+?))\s+(?<s>" + S + @")(?<x>.*)$", Options);

        public static readonly InterpretedPattern SameAs = new(@"^(?:the\s+)?same\s+(?<s>" + S + @")\s+as\s+" + Art + @"(?<key>(?<t>.+?))(?:\s+(?:listed|outlined|defined)\s+above)?" + End + "$", Options);

        public static readonly InterpretedPattern EverythingIn = new(@"^everything\s+(?:in|under|from|of)\s+(?:the\s+)?(?<key>(?<t>.+?))(?:\s+roles?)?[""']?(?<x>,?\s*\bplus\b.*|,?\s*\band\s+also\b.*|[.:;]?)$", Options);

        public static readonly InterpretedPattern Inherits = new(@"^(?<subj>.*?)\binherits\s+(?:all\s+(?:of\s+)?)?the\s+(?<s>" + S + @")\s+(?:of|from)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern HasAllOf = new(@"^(?<subj>.*?)\b(?:has|have|meets|meet)\s+all\s+(?:of\s+)?the\s+(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern InAdditionRoleSections = new(@"^in\s+addition\s+to\s+(?:the\s+|all\s+(?:of\s+)?the\s+)?(?:other\s+)?(?<key>(?<t>.+?))\s+(?<s>" + S + @")\s*,\s*(?<x>.*)$", Options);

        // "The engineer must meet the requirements for a Senior Widget Engineer (or above)." ("must meet all of the …" is has-all-of).
        public static readonly InterpretedPattern MustMeetSectionsFor = new(@"^(?<subj>.*?)\b(?:must|shall|should|will|to|also)\s+meet\s+the\s+(?<s>" + S + @")\s+(?:of|for)\s+" + Art + @"(?<key>(?<t>.+?))(?:\s*\(\s*or\s+(?:above|higher)\s*\))?" + End + "$", Options);

        public static readonly InterpretedPattern AdheresSameFor = new(@"^(?<subj>.*?)\badher(?:e|es|ing)\s+to\s+(?:all\s+(?:of\s+)?)?the\s+same\s+(?<s>" + S + @")\s+(?:(?:listed|outlined|defined|described)\s+above\s+)?(?:for|of|as)\s+" + Art + @"(?<key>(?<t>.+?))" + End + "$", Options);

        public static readonly InterpretedPattern SubjectSection = new(@"\b" + S, Options);

        public static readonly InterpretedPattern Continuation = new(@"plus|also|following|as\s+well|in\s+addition|[:;]", Options);

        public static readonly InterpretedPattern ExtraLead = new(@"^[\s,;:.]*(?:(?:roles?|positions?)\b)?[\s,;:.]*(?:plus\b|and\s+also\b|and\s+includes?\b|as\s+well\s+as\s+the\s+following\b|with\s+the\s+following\b)?[\s,;:.]*", Options);
    }
}
