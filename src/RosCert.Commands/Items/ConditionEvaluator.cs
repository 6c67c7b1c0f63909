using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Commands.Items;

/// <summary>
/// Evaluates a <see cref="Condition"/> against items of one menu, comparing by the declared type
/// of each property: durations as durations (<c>expires-after&lt;3w</c>), numbers as numbers, flags
/// and yes/no properties as booleans, the rest as text. <c>~</c> is a POSIX-style regex run with
/// <see cref="RegexOptions.NonBacktracking"/>, so a user's pattern can never backtrack catastrophically.
/// </summary>
public sealed class ConditionEvaluator(Menu menu)
{
    private static readonly ConcurrentDictionary<string, Regex> s_regexCache = new(StringComparer.Ordinal);

    public bool Matches(ItemView item, Condition condition) => condition switch
    {
        AndCondition and => Matches(item, and.Left) && Matches(item, and.Right),
        OrCondition or => Matches(item, or.Left) || Matches(item, or.Right),
        NotCondition not => !Matches(item, not.Operand),
        TruthCondition truth => IsTrue(Lookup(item, truth.Property)),
        CompareCondition compare => Compare(item, compare),
        _ => false,
    };

    /// <summary>The value of a property, else of the flag that mirrors it (<c>private-key</c> from flag K).</summary>
    public RosValue Lookup(ItemView item, string property)
    {
        if (item[property] is { } value)
        {
            return value;
        }

        foreach (FlagDef flag in menu.Flags)
        {
            if (flag.Property == property)
            {
                return RosValue.Of(item.HasFlag(flag.Letter));
            }
        }

        return RosValue.Nothing;
    }

    private static bool IsTrue(RosValue value) => value switch
    {
        RosBool b => b.Value,
        RosNothing => false,
        RosNumber n => n.Value != 0,
        _ => value.Text is not ("" or "no" or "false"),
    };

    private bool Compare(ItemView item, CompareCondition compare)
    {
        RosValue actual = Lookup(item, compare.Property);
        if (compare.Operator == CompareOperator.Matches)
        {
            return RegexFor(compare.Value.Text).IsMatch(actual.Text);
        }

        if (compare.Operator == CompareOperator.In)
        {
            return compare.Value is RosArray array
                ? array.Elements.Any(e => e.Value.Text == actual.Text)
                : actual.Text.Split(',').Contains(compare.Value.Text);
        }

        int order = Order(compare.Property, actual, compare.Value);
        return compare.Operator switch
        {
            CompareOperator.Equal => order == 0,
            CompareOperator.NotEqual => order != 0,
            CompareOperator.Less => order < 0,
            CompareOperator.Greater => order > 0,
            CompareOperator.LessOrEqual => order <= 0,
            _ => order >= 0,
        };
    }

    private int Order(string property, RosValue actual, RosValue expected)
    {
        if (actual is RosBool || menu.Property(property)?.Type is BoolType)
        {
            return IsTrue(actual).CompareTo(IsTrue(expected));
        }

        if (actual is RosDuration duration)
        {
            return Durations.TryParse(expected.Text, out TimeSpan other) ? duration.Value.CompareTo(other) : -1;
        }

        if (actual is RosNumber number)
        {
            return long.TryParse(expected.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long other)
                ? number.Value.CompareTo(other)
                : -1;
        }

        return string.CompareOrdinal(actual.Text, expected.Text);
    }

    private static Regex RegexFor(string pattern)
    {
        if (s_regexCache.TryGetValue(pattern, out Regex? regex))
        {
            return regex;
        }

        try
        {
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            throw Errors.Failure("invalid regular expression");
        }

        return s_regexCache.Count < 256 ? s_regexCache.GetOrAdd(pattern, regex) : regex;
    }
}
