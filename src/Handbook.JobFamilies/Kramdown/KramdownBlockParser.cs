namespace Handbook.JobFamilies.Kramdown;

using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

/// <summary>
/// Parses kramdown's block-level <c>{:…}</c> lines: attribute lists, attribute list definitions, and the extensions
/// <c>{::comment}</c>, <c>{::nomarkdown}</c>, <c>{::options /}</c>. It may interrupt a paragraph, because kramdown
/// reads <c>{: .x}</c> right under a paragraph line as that paragraph's attributes, not as more text. A line that
/// starts with <c>{:</c> but is not valid becomes a dropped block with KD001 – it never prints as text.
/// </summary>
public sealed class KramdownBlockParser : BlockParser
{
    public KramdownBlockParser() => OpeningCharacters = ['{'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var slice = processor.Line;
        if (slice.PeekChar() != ':')
        {
            return BlockState.None;
        }

        var text = slice.ToString().TrimEnd();
        var line = processor.LineIndex;
        var column = processor.Column;
        var document = processor.Document;
        KramdownAttributeResolver.EnsureAttached(document);

        Block block;
        var state = BlockState.BreakDiscard;
        if (text.StartsWith("{::", StringComparison.Ordinal))
        {
            block = OpenExtension(processor, text, out state);
        }
        else if (TryReadAttributeList(text, out var inner) && !inner.StartsWith('/'))
        {
            var definition = DefinitionName(inner, out var definitionBody);
            var attributes = KramdownAttributes.Parse(definition is null ? inner : definitionBody);
            if (attributes is null)
            {
                block = Garbled(processor, text);
            }
            else
            {
                block = new KramdownAttributeBlock(this)
                {
                    Attributes = attributes,
                    DefinitionName = definition,
                    BlankBefore = IsPreviousLineBlank(slice),
                    BlankAfter = IsNextLineBlank(slice),
                    Text = text,
                };
            }
        }
        else
        {
            block = Garbled(processor, text);
        }

        block.Line = line;
        block.Column = column;
        block.Span = new SourceSpan(slice.Start, slice.End);
        processor.NewBlocks.Push(block);
        return state;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var ext = (KramdownExtensionBlock)block;
        var text = processor.Line.ToString();
        var close = FindClosing(text, ext.ClosingName!);
        if (close < 0)
        {
            return BlockState.Continue; // the processor appends the line
        }

        if (close > 0)
        {
            var before = new StringSlice(text[..close]);
            ext.AppendLine(ref before, processor.Column, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
        }

        return BlockState.BreakDiscard;
    }

    private KramdownExtensionBlock OpenExtension(BlockProcessor processor, string text, out BlockState state)
    {
        state = BlockState.BreakDiscard;
        var document = processor.Document;
        var end = text.IndexOf('}', StringComparison.Ordinal);
        var header = end < 0 ? text[3..] : text[3..end];
        var selfClosing = header.EndsWith('/');
        var name = new string(header.TrimEnd('/').TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
        if (end < 0 || name.Length == 0)
        {
            return Garbled(processor, text);
        }

        if (name == "options")
        {
            KramdownFindings.Add(document, KramdownCodes.OptionsIgnored, $"kramdown options `{text}` are ignored", processor.LineIndex, processor.Column,
                "the site's Markdown options are fixed; remove the line");
            return Dropped(name);
        }

        if (name is not ("comment" or "nomarkdown"))
        {
            KramdownFindings.Add(document, KramdownCodes.UnknownExtension, $"unknown kramdown extension `{{::{name}}}` dropped", processor.LineIndex, processor.Column,
                "supported: {::comment}…{:/comment}, {::nomarkdown}…{:/nomarkdown}");
            return Dropped(name);
        }

        if (selfClosing)
        {
            return Dropped(name);
        }

        var rest = text[(end + 1)..];
        var sameLineClose = FindClosing(rest, name);
        if (sameLineClose >= 0)
        {
            var block = new KramdownExtensionBlock(this) { Name = name, IsDropped = name == "comment" };
            var content = new StringSlice(rest[..sameLineClose]);
            block.AppendLine(ref content, processor.Column, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
            return block;
        }

        if (!HasClosingLater(processor.Line, name))
        {
            KramdownFindings.Add(document, KramdownCodes.Unclosed, $"`{{::{name}}}` is never closed; the line is dropped and the text after it is read as Markdown", processor.LineIndex, processor.Column,
                $"close it with {{:/{name}}} on its own line");
            return Dropped(name);
        }

        state = BlockState.ContinueDiscard;
        return new KramdownExtensionBlock(this) { Name = name, IsDropped = name == "comment", ClosingName = name };
    }

    private KramdownExtensionBlock Dropped(string name) => new(this) { Name = name, IsDropped = true };

    private KramdownExtensionBlock Garbled(BlockProcessor processor, string text)
    {
        KramdownFindings.Add(processor.Document, KramdownCodes.Garbled, $"`{text}` is not a valid kramdown attribute list; dropped", processor.LineIndex, processor.Column,
            "write it as {: .class #id key=\"value\"} on the line after the block, or remove it");
        return new KramdownExtensionBlock(this) { Name = "garbled", IsDropped = true };
    }

    /// <summary>True when the whole line is <c>{:…}</c>; <paramref name="inner"/> is the text between <c>{:</c> and <c>}</c>.</summary>
    internal static bool TryReadAttributeList(string line, out string inner)
    {
        inner = string.Empty;
        if (!line.StartsWith("{:", StringComparison.Ordinal) || !line.EndsWith('}'))
        {
            return false;
        }

        inner = line[2..^1];
        return !inner.Contains('}', StringComparison.Ordinal) || inner.Count(c => c == '"') % 2 == 0;
    }

    /// <summary>For <c>name: attrs</c> (an attribute list definition) the name; the attributes go to <paramref name="body"/>.</summary>
    private static string? DefinitionName(string inner, out string body)
    {
        body = inner;
        var i = 0;
        while (i < inner.Length && (char.IsAsciiLetterOrDigit(inner[i]) || inner[i] is '_' or '-'))
        {
            i++;
        }

        if (i == 0 || i >= inner.Length || inner[i] != ':' || (i + 1 < inner.Length && !char.IsWhiteSpace(inner[i + 1])))
        {
            return null;
        }

        body = inner[(i + 1)..];
        return inner[..i];
    }

    private static int FindClosing(string text, string name)
    {
        var specific = text.IndexOf("{:/" + name + "}", StringComparison.Ordinal);
        var generic = text.IndexOf("{:/}", StringComparison.Ordinal);
        return specific < 0 ? generic : generic < 0 ? specific : Math.Min(specific, generic);
    }

    private static bool HasClosingLater(StringSlice line, string name)
    {
        var source = line.Text;
        var after = line.End + 1;
        return after < source.Length && FindClosing(source[after..], name) >= 0;
    }

    private static bool IsPreviousLineBlank(StringSlice line)
    {
        var text = line.Text;
        var i = line.Start - 1;
        while (i >= 0 && text[i] != '\n')
        {
            i--; // back to the start of this physical line
        }

        if (i < 0)
        {
            return true; // first line of the document
        }

        for (i--; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNextLineBlank(StringSlice line)
    {
        var text = line.Text;
        var i = line.End + 1;
        while (i < text.Length && text[i] != '\n')
        {
            i++; // to the end of this physical line
        }

        for (i++; i < text.Length && text[i] != '\n'; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
