namespace Handbook.JobFamilies.Kramdown;

using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Attaches block attribute lists to their blocks, once all blocks are parsed and before inlines are processed (so an
/// explicit <c>#id</c> on a heading is in place before heading ids are generated, which keep an existing id). Builds
/// the table of contents placeholder and removes the <c>{:…}</c> blocks from the AST.
/// </summary>
internal static class KramdownAttributeResolver
{
    private static readonly object AttachedKey = new();

    /// <summary>Makes sure <see cref="Resolve"/> runs for <paramref name="document"/> (once).</summary>
    public static void EnsureAttached(MarkdownDocument document)
    {
        if (document.GetData(AttachedKey) is not null)
        {
            return;
        }

        document.SetData(AttachedKey, true);
        document.ProcessInlinesBegin += OnProcessInlinesBegin;
    }

    private static void OnProcessInlinesBegin(InlineProcessor processor, Inline? inline)
    {
        var document = processor.Document;
        document.ProcessInlinesBegin -= OnProcessInlinesBegin;
        Resolve(document);
    }

    internal static void Resolve(MarkdownDocument document)
    {
        var definitions = new Dictionary<string, KramdownAttributes>(StringComparer.Ordinal);
        foreach (var def in document.Descendants<KramdownAttributeBlock>().Where(b => b.DefinitionName is not null).ToList())
        {
            definitions[def.DefinitionName!] = def.Attributes;
            def.Parent!.Remove(def);
        }

        foreach (var dropped in document.Descendants<KramdownExtensionBlock>().Where(b => b.IsDropped).ToList())
        {
            dropped.Parent!.Remove(dropped);
        }

        foreach (var ial in document.Descendants<KramdownAttributeBlock>().ToList())
        {
            Apply(document, ial, definitions);
            ial.Parent?.Remove(ial);
        }
    }

    private static void Apply(MarkdownDocument document, KramdownAttributeBlock ial, Dictionary<string, KramdownAttributes> definitions)
    {
        var target = FindTarget(ial);
        if (target is null)
        {
            KramdownFindings.Add(document, KramdownCodes.Unattached, $"attribute list `{ial.Text}` has no block to apply to; dropped", ial.Line, ial.Column,
                "put it on the line right after the block (no blank line between)");
            return;
        }

        var attributes = new KramdownAttributes();
        var isToc = false;
        foreach (var reference in ial.Attributes.References)
        {
            if (reference == "toc")
            {
                isToc = true;
            }
            else if (definitions.TryGetValue(reference, out var definition))
            {
                attributes.MergeFrom(definition);
            }
            else
            {
                KramdownFindings.Add(document, KramdownCodes.UnknownReference, $"attribute list refers to `{reference}`, which is not defined; ignored", ial.Line, ial.Column,
                    $"define it with {{:{reference}: .class}} or write the class as .{reference}");
            }
        }

        var own = ial.Attributes;
        attributes.Classes.AddRange(own.Classes);
        attributes.Id = own.Id ?? attributes.Id;
        attributes.Values.AddRange(own.Values);

        if (isToc)
        {
            if (target is not ListBlock { Count: 1 } list)
            {
                KramdownFindings.Add(document, KramdownCodes.TocMisplaced, "`{:toc}` must follow a list with exactly one item (e.g. `- TOC`); no table of contents made", ial.Line, ial.Column);
                return;
            }

            var toc = new KramdownTocBlock(null) { Ordered = list.IsOrdered, Line = list.Line, Column = list.Column, Span = list.Span };
            var parent = list.Parent!;
            parent[parent.IndexOf(list)] = toc;
            target = toc;
            attributes.Id ??= "markdown-toc";
        }

        foreach (var name in KramdownAttributePolicy.Apply(attributes, target.GetAttributes()))
        {
            KramdownFindings.Add(document, KramdownCodes.AttributeDropped, $"attribute `{name}` is not allowed in an attribute list; dropped", ial.Line, ial.Column,
                "only class, id, title, lang and dir may be set");
        }
    }

    /// <summary>kramdown's rule: the block right before (no blank line between), else the block right after, else none.</summary>
    private static Block? FindTarget(KramdownAttributeBlock ial)
    {
        var parent = ial.Parent!;
        var index = parent.IndexOf(ial);
        if (!ial.BlankBefore && index > 0 && parent[index - 1] is not KramdownAttributeBlock)
        {
            return parent[index - 1];
        }

        if (!ial.BlankAfter)
        {
            for (var i = index + 1; i < parent.Count; i++)
            {
                if (parent[i] is not KramdownAttributeBlock)
                {
                    return parent[i];
                }
            }
        }

        return null;
    }
}
