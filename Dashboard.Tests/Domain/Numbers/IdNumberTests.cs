using System.Globalization;
using Dashboard.Domain.Numbers;

namespace Dashboard.Tests.Domain.Numbers;

public class IdNumberTests
{
    private static decimal Dec(string invariant) => decimal.Parse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture);

    // ---- accepted ----

    [Theory]
    [InlineData("82", "82")]
    [InlineData("4,25", "4.25")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("12.345.678", "12345678")]
    [InlineData("1.234.567,891234", "1234567.891234")]
    [InlineData("-3", "-3")]
    [InlineData("\u22123", "-3")]
    [InlineData("\u22121.234,5", "-1234.5")]
    [InlineData("+3", "3")]
    [InlineData("-0,75", "-0.75")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("0,5", "0.5")]
    [InlineData("0,000001", "0.000001")]
    [InlineData("100,000000", "100")]
    [InlineData("007", "7")]
    [InlineData("999", "999")]
    [InlineData("  82  ", "82")]
    [InlineData("\t5\n", "5")]
    [InlineData("\u00A082,5\u00A0", "82.5")]
    [InlineData("82%", "82")]
    [InlineData("82 %", "82")]
    [InlineData(" 82,5% ", "82.5")]
    [InlineData("1.234,5%", "1234.5")]
    [InlineData("1\u00A0234,5", "1234.5")]
    [InlineData("1\u2009234,5", "1234.5")]
    [InlineData("1\u202F234", "1234")]
    [InlineData("1 234 567", "1234567")]
    [InlineData("1000000000000", "1000000000000")]
    [InlineData("-1.000.000.000.000", "-1000000000000")]
    public void Parse_IndonesianNumber_IsAccepted(string text, string expected)
    {
        var result = IdNumber.Parse(text);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(Dec(expected), result.Value);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("82")]
    [InlineData("4,25")]
    [InlineData("1.234,5")]
    [InlineData("1.234.567")]
    [InlineData("1 234")]
    [InlineData("0,125")]
    [InlineData("1,2345")]
    [InlineData("12,34")]
    public void Parse_UnambiguousNumber_HasNoNotice(string text)
    {
        var result = IdNumber.Parse(text);
        Assert.True(result.Ok);
        Assert.Null(result.Notice);
    }

    [Theory]
    [InlineData("1.234", "1234", "Dibaca sebagai 1.234 (seribu lebih). Untuk desimal gunakan koma: 1,234.")]
    [InlineData("1.000", "1000", "Dibaca sebagai 1.000 (seribu). Untuk desimal gunakan koma: 1,000.")]
    [InlineData("2.500", "2500", "Dibaca sebagai 2.500 (ribuan). Untuk desimal gunakan koma: 2,500.")]
    [InlineData("12.345", "12345", "Dibaca sebagai 12.345 (puluhan ribu). Untuk desimal gunakan koma: 12,345.")]
    [InlineData("123.456", "123456", "Dibaca sebagai 123.456 (ratusan ribu). Untuk desimal gunakan koma: 123,456.")]
    [InlineData("-1.234", "-1234", "Dibaca sebagai -1.234 (seribu lebih). Untuk desimal gunakan koma: -1,234.")]
    [InlineData("1.234%", "1234", "Dibaca sebagai 1.234 (seribu lebih). Untuk desimal gunakan koma: 1,234.")]
    public void Parse_DotWithThreeDigits_IsThousandsWithNotice(string text, string expected, string notice)
    {
        var result = IdNumber.Parse(text);

        Assert.True(result.Ok);
        Assert.Equal(Dec(expected), result.Value);
        Assert.Equal(notice, result.Notice);
    }

    [Theory]
    [InlineData("1,234", "1.234", "Dibaca sebagai 1,234 (desimal). Untuk ribuan gunakan titik: 1.234.")]
    [InlineData("12,500", "12.5", "Dibaca sebagai 12,5 (desimal). Untuk ribuan gunakan titik: 12.500.")]
    [InlineData("-1,234", "-1.234", "Dibaca sebagai -1,234 (desimal). Untuk ribuan gunakan titik: -1.234.")]
    public void Parse_CommaWithThreeDigits_IsDecimalWithNotice(string text, string expected, string notice)
    {
        var result = IdNumber.Parse(text);

        Assert.True(result.Ok);
        Assert.Equal(Dec(expected), result.Value);
        Assert.Equal(notice, result.Notice);
    }

    // ---- refused ----

    [Theory]
    [InlineData("4.25")]
    [InlineData("1.2")]
    [InlineData("1.23")]
    [InlineData("0.5")]
    [InlineData("0.500")]
    [InlineData("00.500")]
    [InlineData("1.234.5")]
    [InlineData("1.2345")]
    [InlineData("1234.567")]
    [InlineData("12.34.567")]
    [InlineData(".5")]
    [InlineData("-4.25")]
    [InlineData("4.25%")]
    [InlineData("1..234")]
    public void Parse_AmbiguousDot_IsRejected(string text)
    {
        var result = IdNumber.Parse(text);

        Assert.False(result.Ok);
        Assert.Equal("Format angka tidak jelas: gunakan koma untuk desimal, mis. 4,25.", result.Error);
        Assert.Equal(0m, result.Value);
        Assert.Null(result.Notice);
    }

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("1,234,567")]
    [InlineData("1,234,567.89")]
    [InlineData("12,345.00")]
    public void Parse_EnglishThousands_IsRejectedNamingTheIndonesianFormat(string text)
    {
        var result = IdNumber.Parse(text);

        Assert.False(result.Ok);
        Assert.Equal(IdNumber.EnglishFormat, result.Error);
        Assert.Contains("format Indonesia", result.Error);
        Assert.Contains("1.234,5", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u00A0\t")]
    public void Parse_Empty_IsRequired(string? text)
    {
        var result = IdNumber.Parse(text);
        Assert.False(result.Ok);
        Assert.Equal("Nilai wajib diisi.", result.Error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("--1")]
    [InlineData("+-3")]
    [InlineData("-")]
    [InlineData("%")]
    [InlineData("%5")]
    [InlineData("5%%")]
    [InlineData("3-")]
    [InlineData("1e5")]
    [InlineData("1E5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("\u221E")]
    [InlineData("\u0663")]
    [InlineData("\u0661\u0662")]
    [InlineData("\uFF11\uFF12")]
    [InlineData("Rp 5.000")]
    [InlineData("1/2")]
    [InlineData("0x10")]
    [InlineData("5.")]
    [InlineData("\u20133")]
    [InlineData("1,5 5")]
    public void Parse_Garbage_IsRejected(string text)
    {
        var result = IdNumber.Parse(text);

        Assert.False(result.Ok);
        Assert.Equal(IdNumber.NotANumber, result.Error);
        Assert.Equal(0m, result.Value);
    }

    [Theory]
    [InlineData("1,2,3", IdNumber.TooManyCommas)]
    [InlineData("1,,2", IdNumber.TooManyCommas)]
    [InlineData("4,", IdNumber.NothingAfterComma)]
    [InlineData(",5", IdNumber.NothingBeforeComma)]
    [InlineData("-,5", IdNumber.NothingBeforeComma)]
    [InlineData("1,1234567", IdNumber.TooManyDecimals)]
    [InlineData("0,0000001", IdNumber.TooManyDecimals)]
    [InlineData("1000000000001", IdNumber.OutOfRange)]
    [InlineData("1.000.000.000.000,000001", IdNumber.OutOfRange)]
    [InlineData("-1.000.000.000.001", IdNumber.OutOfRange)]
    [InlineData("99999999999999999999999999999999", IdNumber.OutOfRange)]
    [InlineData("1 2", IdNumber.BadSpaceGroups)]
    [InlineData("12 34", IdNumber.BadSpaceGroups)]
    [InlineData("1234 567", IdNumber.BadSpaceGroups)]
    [InlineData("1.234 567", IdNumber.MixedGroups)]
    public void Parse_Malformed_IsRejectedWithItsReason(string text, string error)
    {
        var result = IdNumber.Parse(text);

        Assert.False(result.Ok);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Parse_Messages_AreIndonesianAndShort()
    {
        string[] messages =
        [
            IdNumber.Required, IdNumber.NotANumber, IdNumber.Ambiguous, IdNumber.EnglishFormat, IdNumber.TooManyCommas,
            IdNumber.NothingAfterComma, IdNumber.NothingBeforeComma, IdNumber.TooManyDecimals, IdNumber.OutOfRange,
            IdNumber.BadSpaceGroups, IdNumber.MixedGroups,
        ];
        Assert.All(messages, m => Assert.InRange(m.Length, 10, 140));
        Assert.Equal(messages.Length, messages.Distinct().Count());
    }

    [Fact]
    public void Parse_DoesNotDependOnTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        var swapped = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        swapped.NumberFormat.NumberDecimalSeparator = ",";
        swapped.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = swapped;
            Assert.Equal(1234.5m, IdNumber.Parse("1.234,5").Value);
            Assert.False(IdNumber.Parse("4.25").Ok);
            Assert.Equal("1.234,5", IdNumber.Format(1234.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    // ---- format ----

    [Theory]
    [InlineData("0", "0")]
    [InlineData("7", "7")]
    [InlineData("999", "999")]
    [InlineData("1000", "1.000")]
    [InlineData("123456", "123.456")]
    [InlineData("1234567.5", "1.234.567,5")]
    [InlineData("4.25", "4,25")]
    [InlineData("412.50", "412,5")]
    [InlineData("100.000", "100")]
    [InlineData("0.5", "0,5")]
    [InlineData("-3", "-3")]
    [InlineData("-1234.5", "-1.234,5")]
    [InlineData("0.1234564", "0,123456")]
    [InlineData("0.1234565", "0,123457")]
    [InlineData("0.0000004", "0")]
    [InlineData("-0.0000004", "0")]
    [InlineData("-0.0000005", "-0,000001")]
    [InlineData("1000000000000", "1.000.000.000.000")]
    [InlineData("79228162514264337593543950335", "79.228.162.514.264.337.593.543.950.335")]
    public void Format_WritesIndonesianStyle(string value, string expected)
    {
        Assert.Equal(expected, IdNumber.Format(Dec(value)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4.25")]
    [InlineData("-3")]
    [InlineData("1234.5")]
    [InlineData("1234567.891234")]
    [InlineData("-999999999999.999999")]
    public void Format_ThenParse_RoundTrips(string value)
    {
        var parsed = IdNumber.Parse(IdNumber.Format(Dec(value)));
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(Dec(value), parsed.Value);
    }
}
