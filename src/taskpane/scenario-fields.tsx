// The 시나리오 tab's building blocks: a text field whose message (the engine's reason, in the pane's language) sits
// right under it, a labelled select, and a section with a heading. Plain Fluent fields: labels, hints and messages are
// tied to the input for screen readers, and every control is reached with Tab.
import type { ReactNode } from "react";
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/findings/findings";
import type { Text } from "../core/scenario/scenario-messages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // Two fields a row where they fit (a 320 px pane), one otherwise.
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    // A neighbour's hint or message makes the row taller: the field keeps its own height instead of stretching.
    alignItems: "start",
    minWidth: 0,
  },
  field: { minWidth: 0 },
  // The native input's intrinsic width (about 20 characters) would push a 320 px pane sideways: let it shrink.
  input: { width: "100%", minWidth: 0 },
  inputElement: { minWidth: 0, width: "100%" },
  select: { minWidth: 0 },
});

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <h3 className={styles.heading}>{title}</h3>
      {children}
    </section>
  );
}

export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className={useStyles().grid}>{children}</div>;
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  lang: Lang;
  error?: Text;
  hint?: string;
  placeholder?: string;
}

export function TextField({ label, value, onChange, lang, error, hint, placeholder }: TextFieldProps) {
  const styles = useStyles();
  return (
    <Field
      className={styles.field}
      label={label}
      hint={hint}
      validationState={error === undefined ? "none" : "error"}
      validationMessage={error?.[lang]}
    >
      {/* Text, not a number input: amounts are typed with their unit ("300억") and rates with "%". */}
      <Input
        className={styles.input}
        input={{ className: styles.inputElement }}
        value={value}
        placeholder={placeholder}
        onChange={(_, d) => onChange(d.value)}
        autoComplete="off"
      />
    </Field>
  );
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

export function SelectField({ label, value, onChange, options }: SelectFieldProps) {
  const styles = useStyles();
  return (
    <Field className={styles.field} label={label}>
      <Select className={styles.select} value={value} onChange={(_, d) => onChange(d.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
