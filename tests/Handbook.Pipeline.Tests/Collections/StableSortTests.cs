namespace Handbook.Pipeline.Tests.Collections;

using Handbook.Pipeline.Collections;

/// <summary>
/// <see cref="StableSort"/> orders like LINQ's <c>OrderBy</c> (which it replaces where the key is a value type): ascending
/// by the comparison, and items the comparison calls equal keep their input order.
/// </summary>
public sealed class StableSortTests
{
    private sealed record Item(int Key, int Position);

    private static int ByKey(Item x, Item y) => x.Key.CompareTo(y.Key);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(17, 3)]
    [InlineData(100, 5)]
    [InlineData(1000, 10)]
    [InlineData(1000, 1000)]
    public void Given_items_with_many_equal_keys_When_sorted_Then_the_order_is_OrderBys(int count, int distinctKeys)
    {
        // Given: keys from a fixed seed, so ties are frequent and scattered
        var random = new Random(20261130 + count);
        var items = Enumerable.Range(0, count).Select(i => new Item(random.Next(distinctKeys), i)).ToList();

        // When
        var sorted = StableSort.ToSortedList(items, ByKey);

        // Then
        Assert.Equal(items.OrderBy(i => i.Key).ToList(), sorted);
    }

    [Fact]
    public void Given_a_descending_comparison_When_sorted_Then_equal_items_still_keep_their_input_order()
    {
        // Given
        Item[] items = [new(1, 0), new(3, 1), new(1, 2), new(3, 3), new(2, 4)];

        // When
        var sorted = StableSort.ToSortedList(items, (x, y) => y.Key.CompareTo(x.Key));

        // Then: what OrderByDescending gives
        Assert.Equal([1, 3, 4, 0, 2], sorted.Select(i => i.Position));
    }

    [Fact]
    public void Given_input_already_in_order_or_in_reverse_When_sorted_Then_both_come_out_ascending()
    {
        // Given
        var ascending = Enumerable.Range(0, 300).Select(i => new Item(i, i)).ToList();
        var descending = Enumerable.Reverse(ascending).ToList();

        // When / Then
        Assert.Equal(ascending, StableSort.ToSortedList(ascending, ByKey));
        Assert.Equal(ascending, StableSort.ToSortedList(descending, ByKey));
    }

    [Fact]
    public void Given_a_sorted_list_When_the_input_is_changed_afterwards_Then_the_result_is_a_copy()
    {
        // Given
        var items = new List<Item> { new(2, 0), new(1, 1) };

        // When
        var sorted = StableSort.ToSortedList(items, ByKey);
        items.Clear();

        // Then
        Assert.Equal([1, 0], sorted.Select(i => i.Position));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(17, 3)]
    [InlineData(1000, 10)]
    public void Given_value_items_with_equal_keys_When_their_positions_are_sorted_Then_the_order_is_OrderBys(int count, int distinctKeys)
    {
        // Given: value-type items (tuples), the case Positions is for
        var random = new Random(20261130 - count);
        var items = Enumerable.Range(0, count).Select(i => (Key: random.Next(distinctKeys), Position: i)).ToList();

        // When
        var positions = StableSort.Positions(items.Count, (a, b) => items[a].Key.CompareTo(items[b].Key));

        // Then
        Assert.Equal(items.OrderBy(i => i.Key).Select(i => i.Position).ToList(), positions);
    }

    [Fact]
    public void Given_equal_least_and_greatest_items_When_the_first_and_last_are_asked_Then_they_are_OrderBys_first_and_last()
    {
        // Given: two items share the least key, two the greatest
        Item[] items = [new(2, 0), new(1, 1), new(3, 2), new(1, 3), new(3, 4), new(2, 5)];

        // When
        var first = StableSort.FirstOrDefault(items, ByKey);
        var last = StableSort.LastOrDefault(items, ByKey);

        // Then
        Assert.Same(items.OrderBy(i => i.Key).First(), first);
        Assert.Same(items.OrderBy(i => i.Key).Last(), last);
        Assert.Equal(1, first!.Position);
        Assert.Equal(4, last!.Position);
    }

    [Fact]
    public void Given_no_items_When_the_first_and_last_are_asked_Then_both_are_null()
    {
        Assert.Null(StableSort.FirstOrDefault(Array.Empty<Item>(), ByKey));
        Assert.Null(StableSort.LastOrDefault(Array.Empty<Item>(), ByKey));
    }
}
