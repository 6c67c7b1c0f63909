using System.Globalization;
using System.Text;

namespace RosCert.Commands.Values;

/// <summary>
/// RouterOS durations (reference §4.7): printed as the non-zero units of <c>w d h m s</c> then
/// <c>ms</c>, e.g. <c>52w6d23h59m58s</c>, <c>1d</c>, <c>0s</c> for zero; read as the same unit form,
/// as <c>HH:MM:SS[.fff]</c>, as a bare number of seconds, or mixed (<c>1d02:00:00</c>).
/// </summary>
public static class Durations
{
    private static readonly (char Unit, long Ticks)[] s_units =
    [
        ('w', TimeSpan.TicksPerDay * 7),
        ('d', TimeSpan.TicksPerDay),
        ('h', TimeSpan.TicksPerHour),
        ('m', TimeSpan.TicksPerMinute),
        ('s', TimeSpan.TicksPerSecond),
    ];

    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            text.Append('-');
            value = value.Negate();
        }

        long ticks = value.Ticks;
        foreach ((char unit, long unitTicks) in s_units)
        {
            long count = ticks / unitTicks;
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                ticks -= count * unitTicks;
            }
        }

        long millis = ticks / TimeSpan.TicksPerMillisecond;
        if (millis > 0)
        {
            text.Append(millis.ToString(CultureInfo.InvariantCulture)).Append("ms");
        }

        return text.ToString();
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        bool negative = text[0] == '-';
        ReadOnlySpan<char> rest = negative ? text.AsSpan(1) : text.AsSpan();
        if (!TryParseUnits(rest, out long ticks))
        {
            return false;
        }

        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    private static bool TryParseUnits(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        while (!text.IsEmpty)
        {
            int digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > 12)
            {
                return false;
            }

            long number = long.Parse(text[..digits], CultureInfo.InvariantCulture);
            text = text[digits..];
            if (!text.IsEmpty && text[0] == ':')
            {
                return TryParseClock(number, text, ref ticks);
            }

            if (!TryTakeUnit(ref text, out long unitTicks))
            {
                return false;
            }

            ticks += number * unitTicks;
        }

        return true;
    }

    private static bool TryTakeUnit(ref ReadOnlySpan<char> text, out long unitTicks)
    {
        unitTicks = TimeSpan.TicksPerSecond;
        if (text.IsEmpty)
        {
            return true; // a bare number is seconds
        }

        if (text.StartsWith("ms"))
        {
            unitTicks = TimeSpan.TicksPerMillisecond;
            text = text[2..];
            return true;
        }

        foreach ((char unit, long candidate) in s_units)
        {
            if (text[0] == unit)
            {
                unitTicks = candidate;
                text = text[1..];
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads <c>HH:MM:SS[.fff]</c> whose hours were already read.</summary>
    private static bool TryParseClock(long hours, ReadOnlySpan<char> text, ref long ticks)
    {
        string clock = hours.ToString(CultureInfo.InvariantCulture) + text.ToString();
        string[] parts = clock.Split(':');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long h)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long m)
            || !decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal s)
            || m > 59 || s >= 60)
        {
            return false;
        }

        ticks += (h * TimeSpan.TicksPerHour) + (m * TimeSpan.TicksPerMinute) + (long)(s * TimeSpan.TicksPerSecond);
        return true;
    }
}
