/* hs-money.c — money as gint64 euro cents, rates as basis points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is integer arithmetic. Products that may not fit in 64 bits
 * (cents × basis points, part × 10000) go through mul_div_round(), which
 * forms the full 128-bit product from 32-bit halves and divides it by long
 * division, so no compiler extension and no double is needed.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-core-error.h"
#include "hs-money.h"

#define NBSP       "\xc2\xa0"       /* U+00A0 NO-BREAK SPACE */
#define MINUS_SIGN "\xe2\x88\x92"   /* U+2212 MINUS SIGN */
#define EURO_SIGN  "\xe2\x82\xac"   /* U+20AC EURO SIGN */

/* The group separator of fi and sv; one constant in case users ever want a
 * plain space instead. */
#define FI_GROUP_SEPARATOR NBSP

/* ---------------------------------------------------------------------- */
/* Arithmetic                                                             */
/* ---------------------------------------------------------------------- */

/* |value| without overflow, also for G_MININT64. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
}

/* Gives @mag with @negative as a gint64 within ±HS_MONEY_MAX, or FALSE. */
static gboolean
signed_amount (guint64   mag,
               gboolean  negative,
               gint64   *out)
{
  if (mag > (guint64) HS_MONEY_MAX)
    return FALSE;

  *out = negative ? -(gint64) mag : (gint64) mag;
  return TRUE;
}

/* a × b / c rounded half up (all unsigned), with a 128-bit intermediate.
 * FALSE when the quotient does not fit in 64 bits. */
static gboolean
mul_div_round (guint64  a,
               guint64  b,
               guint64  c,
               guint64 *out)
{
  guint64 a_lo = a & G_MAXUINT32, a_hi = a >> 32;
  guint64 b_lo = b & G_MAXUINT32, b_hi = b >> 32;
  guint64 lo_lo = a_lo * b_lo;
  guint64 hi_lo = a_hi * b_lo;
  guint64 lo_hi = a_lo * b_hi;
  guint64 hi_hi = a_hi * b_hi;
  guint64 middle = (lo_lo >> 32) + (hi_lo & G_MAXUINT32) + (lo_hi & G_MAXUINT32);
  guint64 hi = hi_hi + (hi_lo >> 32) + (lo_hi >> 32) + (middle >> 32);
  guint64 lo = (middle << 32) | (lo_lo & G_MAXUINT32);
  guint64 quotient = 0;
  guint64 remainder = hi;

  g_return_val_if_fail (c != 0, FALSE);

  /* The quotient has more than 64 bits. */
  if (hi >= c)
    return FALSE;

  /* a product that fits in 64 bits (amounts of up to tens of millions of
   * euros in proportion to others of that size): one division */
  if (hi == 0)
    {
      quotient = lo / c;
      remainder = lo % c;
    }
  else
    {
      for (int bit = 63; bit >= 0; bit--)
        {
          gboolean carry = (remainder >> 63) != 0;

          remainder = (remainder << 1) | ((lo >> bit) & 1);
          quotient <<= 1;
          if (carry || remainder >= c)
            {
              remainder -= c;
              quotient |= 1;
            }
        }
    }

  /* Half or more of the divisor left over: round up. */
  if (remainder >= c - remainder)
    {
      if (quotient == G_MAXUINT64)
        return FALSE;
      quotient++;
    }

  *out = quotient;
  return TRUE;
}

gboolean
hs_money_add (gint64  a,
              gint64  b,
              gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if ((b > 0 && a > G_MAXINT64 - b) || (b < 0 && a < G_MININT64 - b))
    return FALSE;
  if (a + b > HS_MONEY_MAX || a + b < -HS_MONEY_MAX)
    return FALSE;

  *out = a + b;
  return TRUE;
}

gboolean
hs_money_sub (gint64  a,
              gint64  b,
              gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if ((b < 0 && a > G_MAXINT64 + b) || (b > 0 && a < G_MININT64 + b))
    return FALSE;
  if (a - b > HS_MONEY_MAX || a - b < -HS_MONEY_MAX)
    return FALSE;

  *out = a - b;
  return TRUE;
}

gboolean
hs_money_apply_rate (gint64  cents,
                     gint32  bp,
                     gint64 *out)
{
  guint64 result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!mul_div_round (magnitude (cents), magnitude (bp), HS_BP_WHOLE, &result))
    return FALSE;

  return signed_amount (result, (cents < 0) != (bp < 0), out);
}

gboolean
hs_money_scale (gint64  amount,
                gint64  numerator,
                gint64  denominator,
                gint64 *out)
{
  guint64 result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (denominator == 0 ||
      !mul_div_round (magnitude (amount), magnitude (numerator), magnitude (denominator), &result))
    return FALSE;

  return signed_amount (result, ((amount < 0) != (numerator < 0)) != (denominator < 0) && result != 0, out);
}

gint32
hs_rate_of (gint64 part,
            gint64 whole)
{
  gboolean negative = (part < 0) != (whole < 0);
  guint64 result;

  if (whole == 0 || part == 0)
    return 0;

  if (!mul_div_round (magnitude (part), HS_BP_WHOLE, magnitude (whole), &result) ||
      result > G_MAXINT32)
    return negative ? -G_MAXINT32 : G_MAXINT32;

  return negative ? -(gint32) result : (gint32) result;
}

/* ---------------------------------------------------------------------- */
/* Formatting                                                             */
/* ---------------------------------------------------------------------- */

static void
append_grouped (GString    *string,
                guint64     value,
                const char *separator)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (string, separator);
      g_string_append_c (string, digits[i]);
    }
}

/* The magnitude of @cents: "1 333 333,00" or "1,333,333.00". */
static void
append_number (GString *string,
               gint64   cents,
               HsLang   lang)
{
  guint64 mag = magnitude (cents);
  gboolean en = lang == HS_LANG_EN;

  append_grouped (string, mag / HS_CENTS_PER_EURO, en ? "," : FI_GROUP_SEPARATOR);
  g_string_append_printf (string, "%c%02u", en ? '.' : ',',
                          (guint) (mag % HS_CENTS_PER_EURO));
}

char *
hs_count_format (gint64 count,
                 HsLang lang)
{
  GString *string = g_string_new (NULL);
  guint64 mag = count < 0 ? (guint64) -(count + 1) + 1 : (guint64) count;

  if (count < 0)
    g_string_append (string, MINUS_SIGN);
  append_grouped (string, mag, lang == HS_LANG_EN ? "," : FI_GROUP_SEPARATOR);

  return g_string_free (string, FALSE);
}

char *
hs_money_format_plain (gint64 cents,
                       HsLang lang)
{
  GString *string = g_string_new (NULL);

  if (cents < 0)
    g_string_append (string, MINUS_SIGN);
  append_number (string, cents, lang);

  return g_string_free (string, FALSE);
}

char *
hs_money_format (gint64 cents,
                 HsLang lang)
{
  GString *string = g_string_new (NULL);

  if (cents < 0)
    g_string_append (string, MINUS_SIGN);

  if (lang == HS_LANG_EN)
    {
      g_string_append (string, EURO_SIGN);
      append_number (string, cents, lang);
    }
  else
    {
      append_number (string, cents, lang);
      g_string_append (string, NBSP EURO_SIGN);
    }

  return g_string_free (string, FALSE);
}

char *
hs_rate_format (gint32 bp,
                HsLang lang)
{
  /* tenths of a per cent, rounded half away from zero */
  guint64 tenths = (magnitude (bp) + 5) / 10;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%u%s",
                          bp < 0 ? MINUS_SIGN : "",
                          tenths / 10,
                          lang == HS_LANG_EN ? '.' : ',',
                          (guint) (tenths % 10),
                          lang == HS_LANG_EN ? "%" : NBSP "%");
}

int
hs_ratio_compare (gint64 a,
                  gint64 b,
                  gint64 c,
                  gint64 d)
{
  g_return_val_if_fail (a >= 0 && c >= 0 && b > 0 && d > 0, 0);

  /* Euclid on both fractions at once: compare the integer parts, then the
   * remainders' fractions, which compare the other way round inverted. */
  for (;;)
    {
      gint64 qa = a / b, qc = c / d;
      gint64 ra = a % b, rc = c % d;
      gint64 na, nb, nc, nd;

      if (qa != qc)
        return qa < qc ? -1 : 1;
      if (ra == 0 || rc == 0)
        return ra == rc ? 0 : (ra == 0 ? -1 : 1);
      /* ra/b vs rc/d has the sign of d/rc vs b/ra */
      na = d; nb = rc; nc = b; nd = ra;
      a = na; b = nb; c = nc; d = nd;
    }
}

static char *
format_decimals (gboolean    negative,
                 guint64     scaled,
                 guint       decimals,
                 HsLang      lang)
{
  GString *text = g_string_new (negative ? MINUS_SIGN : "");
  guint64 unit = 1;
  g_autofree char *fraction = NULL;

  for (guint i = 0; i < decimals; i++)
    unit *= 10;
  g_string_append_printf (text, "%" G_GUINT64_FORMAT, scaled / unit);
  if (decimals > 0)
    {
      fraction = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) decimals, scaled % unit);
      g_string_append_c (text, lang == HS_LANG_EN ? '.' : ',');
      g_string_append (text, fraction);
    }
  g_string_append (text, lang == HS_LANG_EN ? "%" : NBSP "%");
  return g_string_free (text, FALSE);
}

char *
hs_rate_format_limit (gint32 bp,
                      HsLang lang)
{
  if (bp % 10 == 0)
    return hs_rate_format (bp, lang);
  /* hundredths of a per cent are basis points */
  return format_decimals (bp < 0, magnitude (bp), 2, lang);
}

#define MAX_SHARE_DECIMALS 8

char *
hs_share_format_beside (gint64   part,
                        gint64   whole,
                        gint32   limit_bp,
                        gboolean over,
                        HsLang   lang)
{
  guint64 p, w, integer, remainder;
  guint64 scaled;
  guint64 limit;
  guint decimals;

  /* only shares of a positive whole, with room for the long division */
  if (part < 0 || whole <= 0 || limit_bp < 0 ||
      (guint64) whole > G_MAXUINT64 / 10 || (guint64) part > G_MAXUINT64 / 100)
    return hs_rate_format (hs_rate_of (part, whole), lang);

  p = (guint64) part;
  w = (guint64) whole;
  /* the share in per cent: integer part, then one digit at a time */
  integer = p * 100 / w;
  remainder = p * 100 % w;
  if (integer > G_MAXUINT64 / 1000000000000ULL)
    return hs_rate_format (hs_rate_of (part, whole), lang);

  scaled = integer;
  limit = (guint64) limit_bp;    /* per cent × 100 */
  for (decimals = 1; decimals <= MAX_SHARE_DECIMALS; decimals++)
    {
      guint64 shown;
      guint64 limit_scaled;       /* the limit × 10^decimals / 100, × 100 */
      guint64 shown_x100;

      scaled = scaled * 10 + remainder * 10 / w;
      remainder = remainder * 10 % w;
      if (decimals < (limit_bp % 10 != 0 ? 2u : 1u))
        continue;

      /* towards the limit: down from over a maximum, up from under a minimum */
      shown = scaled + (!over && remainder != 0 ? 1 : 0);
      /* compare shown / 10^d with limit / 100 as shown × 100 with limit × 10^d */
      limit_scaled = limit;
      for (guint i = 0; i < decimals; i++)
        limit_scaled *= 10;
      shown_x100 = shown * 100;
      if (over ? shown_x100 > limit_scaled : shown_x100 < limit_scaled)
        return format_decimals (FALSE, shown, decimals, lang);
      if (decimals == MAX_SHARE_DECIMALS)
        return format_decimals (FALSE, shown, decimals, lang);
    }
  g_assert_not_reached ();
}

/* ---------------------------------------------------------------------- */
/* Parsing                                                                */
/* ---------------------------------------------------------------------- */

typedef enum
{
  SEP_NONE,
  SEP_SPACE,
  SEP_APOSTROPHE,
  SEP_POINT,
  SEP_COMMA,
} SepKind;

static SepKind
separator_kind (gunichar c)
{
  switch (c)
    {
    case ' ':
    case 0x00A0:   /* NO-BREAK SPACE: ours, CLDR's */
    case 0x202F:   /* NARROW NO-BREAK SPACE: glibc's fi_FI */
    case 0x2009:   /* THIN SPACE */
      return SEP_SPACE;
    case '\'':
    case 0x2019:   /* RIGHT SINGLE QUOTATION MARK: a typographic apostrophe */
      return SEP_APOSTROPHE;
    case '.':
      return SEP_POINT;
    case ',':
      return SEP_COMMA;
    default:
      return SEP_NONE;
    }
}

/* 0–9 only: g_ascii_isdigit () takes a char, and a character such as U+0536
 * would be cut to its low byte, '6'. */
static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_minus (gunichar c)
{
  return c == '-' || c == 0x2212;
}

static gboolean
is_sign (gunichar c)
{
  return is_minus (c) || c == '+';
}

/* The length of the currency at @p ("€" or "EUR" in any case), or 0. */
static gsize
currency_length (const char *p)
{
  if (g_str_has_prefix (p, EURO_SIGN))
    return strlen (EURO_SIGN);
  if (g_ascii_strncasecmp (p, "EUR", 3) == 0 &&
      !g_unichar_isalpha (g_utf8_get_char (p + 3)))
    return 3;
  return 0;
}

static gboolean
set_invalid_char (GError     **error,
                  const char  *text,
                  const char  *p)
{
  char c[8] = { 0 };

  g_unichar_to_utf8 (g_utf8_get_char (p), c);
  /* Translators: the first %s is what the user typed, the second the
   * character that does not belong in an amount. */
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("“%s” is not an amount: it contains “%s”"), text, c);
  return FALSE;
}

/* Both readings of an ambiguous "12,345": the digits alone and the value
 * rounded to cents, with the mark the user typed ("12345", "12,35"). */
static void
set_ambiguous (GError     **error,
               const char  *text,
               gboolean     negative,
               const char  *digits,
               char         mark)
{
  guint64 thousandths = g_ascii_strtoull (digits, NULL, 10);
  guint64 cents = (thousandths + 5) / 10;
  const char *sign = negative ? "-" : "";
  g_autofree char *as_integer = g_strdup_printf ("%s%s", sign, digits);
  g_autofree char *as_decimal = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%02u", sign,
                                                 cents / 100, mark, (guint) (cents % 100));

  /* Translators: "12,345" is ambiguous: write 12345 or 12,35 */
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("“%s” is ambiguous: write %s or %s"), text, as_integer, as_decimal);
}

gboolean
hs_money_parse (const char  *text,
                gint64      *out,
                GError     **error)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (guint));  /* digits per group */
  g_autoptr(GArray) seps = g_array_new (FALSE, TRUE, sizeof (SepKind));  /* between groups */
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  gboolean have_sign = FALSE;
  gboolean have_currency = FALSE;
  guint group_len = 0;
  guint n_point = 0, n_comma = 0;
  SepKind mark_kind = SEP_NONE;
  int mark = -1;                 /* index in seps of the decimal mark */
  guint n_int_groups, int_digits = 0, frac_len = 0;
  guint64 euros = 0, cents;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                           _("The amount is not valid text"));
      return FALSE;
    }

  /* Before the number: spaces, one sign, one currency, in either order. */
  for (p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      gsize len;

      if (is_digit (c) || c == '.' || c == ',')
        break;

      if (g_unichar_isspace (c))
        p = g_utf8_next_char (p);
      else if (is_sign (c))
        {
          if (have_sign)
            goto bad_sign;
          have_sign = TRUE;
          negative = is_minus (c);
          p = g_utf8_next_char (p);
        }
      else if ((len = currency_length (p)) > 0)
        {
          if (have_currency)
            goto bad_currency;
          have_currency = TRUE;
          p += len;
        }
      else
        return set_invalid_char (error, text, p);
    }

  /* The number: groups of digits and the separators between them. */
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      SepKind kind;

      if (is_digit (c))
        {
          g_string_append_c (digits, (char) c);
          group_len++;
        }
      else if ((kind = separator_kind (c)) != SEP_NONE)
        {
          g_array_append_val (groups, group_len);
          g_array_append_val (seps, kind);
          group_len = 0;
        }
      else
        break;
    }
  g_array_append_val (groups, group_len);

  /* Spaces between the number and what follows are not grouping. */
  while (seps->len > 0 &&
         g_array_index (groups, guint, groups->len - 1) == 0 &&
         g_array_index (seps, SepKind, seps->len - 1) == SEP_SPACE)
    {
      g_array_set_size (groups, groups->len - 1);
      g_array_set_size (seps, seps->len - 1);
    }

  /* After the number: spaces and one currency. */
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gsize len;

      if (g_unichar_isspace (c))
        p = g_utf8_next_char (p);
      else if (is_sign (c))
        goto bad_sign;
      else if ((len = currency_length (p)) > 0)
        {
          if (have_currency)
            goto bad_currency;
          have_currency = TRUE;
          p += len;
        }
      else if (g_unichar_isdigit (c) || separator_kind (c) != SEP_NONE)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("“%s” is not an amount: there is more after the number"), text);
          return FALSE;
        }
      else
        return set_invalid_char (error, text, p);
    }

  if (digits->len == 0)
    {
      if (seps->len == 0 && !have_sign && !have_currency)
        g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                             _("The amount is empty"));
      else
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                     _("“%s” is not an amount: it has no digits"), text);
      return FALSE;
    }

  /* Which separator, if any, is the decimal mark? */
  for (guint i = 0; i < seps->len; i++)
    {
      SepKind kind = g_array_index (seps, SepKind, i);

      n_point += kind == SEP_POINT;
      n_comma += kind == SEP_COMMA;
    }

  if (n_point > 0 && n_comma > 0)
    {
      /* "1.234,56" or "1,234.56": the last one is the decimal mark, and
       * there is only one of it. */
      for (int i = (int) seps->len - 1; mark_kind == SEP_NONE; i--)
        {
          SepKind kind = g_array_index (seps, SepKind, i);
          if (kind == SEP_POINT || kind == SEP_COMMA)
            mark_kind = kind;
        }
      if ((mark_kind == SEP_POINT ? n_point : n_comma) > 1)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("“%s” has more than one decimal mark"), text);
          return FALSE;
        }
    }
  else if (n_point + n_comma == 1)
    {
      /* A lone "1.000" or "12,345" could be a thousand or one euro
       * ("0,001" and "1234,567" could not be grouping). */
      if (seps->len == 1 &&
          g_array_index (groups, guint, 1) == 3 &&
          g_array_index (groups, guint, 0) >= 1 &&
          g_array_index (groups, guint, 0) <= 3 &&
          digits->str[0] != '0')
        {
          set_ambiguous (error, text, negative, digits->str, n_point ? '.' : ',');
          return FALSE;
        }
      mark_kind = n_point ? SEP_POINT : SEP_COMMA;
    }
  /* else several of one kind ("1.000.000") group digits, or none at all. */

  if (mark_kind != SEP_NONE)
    {
      for (guint i = 0; i < seps->len; i++)
        if (g_array_index (seps, SepKind, i) == mark_kind)
          mark = (int) i;
    }

  n_int_groups = mark >= 0 ? (guint) mark + 1 : groups->len;

  /* Nothing but digits after the decimal mark. */
  if (mark >= 0 && (guint) mark != seps->len - 1)
    goto bad_grouping;

  /* Groups of three, all separated by the same kind of separator. */
  if (n_int_groups > 1)
    {
      SepKind group_kind = g_array_index (seps, SepKind, 0);

      for (guint i = 0; i < n_int_groups; i++)
        {
          guint len = g_array_index (groups, guint, i);

          if (i == 0 ? (len < 1 || len > 3) : len != 3)
            goto bad_grouping;
          if (i > 0 && g_array_index (seps, SepKind, i - 1) != group_kind)
            goto bad_grouping;
        }
    }

  for (guint i = 0; i < n_int_groups; i++)
    int_digits += g_array_index (groups, guint, i);

  if (mark >= 0)
    {
      frac_len = g_array_index (groups, guint, mark + 1);
      if (frac_len == 0)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("“%s” has no digits after the decimal mark"), text);
          return FALSE;
        }
      if (frac_len > 2)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("Amounts have at most two decimals (cents): “%s”"), text);
          return FALSE;
        }
    }

  for (guint i = 0; i < int_digits; i++)
    {
      euros = euros * 10 + (guint64) (digits->str[i] - '0');
      if (euros > (guint64) HS_MONEY_MAX)
        goto too_large;
    }

  cents = 0;
  for (guint i = 0; i < 2; i++)
    cents = cents * 10 + (i < frac_len ? (guint64) (digits->str[int_digits + i] - '0') : 0);

  if (euros > (guint64) HS_MONEY_MAX / HS_CENTS_PER_EURO)
    goto too_large;
  cents += euros * HS_CENTS_PER_EURO;

  if (!signed_amount (cents, negative, out))
    goto too_large;

  return TRUE;

bad_sign:
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("“%s” has a sign in the wrong place: write one minus sign before the number"),
               text);
  return FALSE;

bad_currency:
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("“%s” has more than one euro sign"), text);
  return FALSE;

bad_grouping:
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("The digits of “%s” are grouped wrongly: write them in groups of three, "
                 "like 1 234 567, or without grouping"), text);
  return FALSE;

too_large:
  {
    g_autofree char *max = hs_money_format (HS_MONEY_MAX, hs_lang_current ());

    /* Translators: the second %s is the largest amount, "10 000 000 000 000,00 €" */
    g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW,
                 _("“%s” is too large: amounts are at most %s"), text, max);
    return FALSE;
  }
}

gboolean
hs_rate_parse (const char  *text,
               gint32      *out,
               GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean have_mark = FALSE;
  guint int_len = 0, frac_len = 0;
  guint64 whole = 0;
  guint frac = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                           _("The percentage is not valid text"));
      return FALSE;
    }

  while (g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  if (*p == '\0')
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                           _("The percentage is empty"));
      return FALSE;
    }

  if (is_sign (g_utf8_get_char (p)))
    {
      negative = is_minus (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  /* The number: digits and at most one decimal mark. */
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (have_mark)
            {
              if (++frac_len <= 2)
                frac = frac * 10 + (guint) (*p - '0');
            }
          else
            {
              int_len++;
              if (whole <= 1000)
                whole = whole * 10 + (guint) (*p - '0');
            }
        }
      else if (*p == '.' || *p == ',')
        {
          if (have_mark)
            {
              g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                           _("“%s” has more than one decimal mark"), text);
              return FALSE;
            }
          have_mark = TRUE;
        }
      else
        break;
    }

  /* Then spaces, an optional per cent sign and spaces. */
  while (g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '%')
    p++;
  while (g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  if (*p != '\0')
    {
      char bad[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), bad);
      /* Translators: the first %s is what the user typed, the second the
       * character that does not belong there. */
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not a percentage: “%s” does not belong there"), text, bad);
      return FALSE;
    }

  if (int_len + frac_len == 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not a percentage: it has no digits"), text);
      return FALSE;
    }
  if (have_mark && frac_len == 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” has no digits after the decimal mark"), text);
      return FALSE;
    }
  if (frac_len > 2)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("Percentages have at most two decimals: “%s”"), text);
      return FALSE;
    }
  if (frac_len == 1)
    frac *= 10;

  if (whole > 100 || (whole == 100 && frac > 0) || (negative && (whole > 0 || frac > 0)))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not between 0%% and 100%%"), text);
      return FALSE;
    }

  *out = (gint32) (whole * HS_BP_PERCENT + frac);
  return TRUE;
}
