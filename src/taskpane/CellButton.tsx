// A full-width, left-aligned button that takes the user to a cell: one per finding or shortfall row.
// A native <button> because Fluent's Button centres and clips its content, and these rows hold several wrapped
// lines; Enter and Space come with it, and the focus ring is Fluent's own.
import type { ReactNode } from "react";
import { createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  button: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    // Long sheet names and messages wrap inside the pane's ~320 px instead of scrolling sideways.
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    "&[aria-disabled='true']": { cursor: "progress" },
  },
  focus: createFocusOutlineStyle(),
  current: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
});

export interface CellButtonProps {
  children: ReactNode;
  onActivate: () => void;
  /** While another workbook call runs: kept focusable (aria-disabled, not disabled) so keyboard focus stays put. */
  busy: boolean;
  current: boolean;
  /** "sheet!cell", for end-to-end tests (not data-cell: the preview's grid uses that for its own cells). */
  target: string;
}

export function CellButton({ children, onActivate, busy, current, target }: CellButtonProps) {
  const styles = useStyles();
  return (
    <button
      type="button"
      className={mergeClasses(styles.button, styles.focus, current && styles.current)}
      aria-disabled={busy || undefined}
      aria-current={current || undefined}
      data-target={target}
      onClick={() => {
        if (!busy) onActivate();
      }}
    >
      {children}
    </button>
  );
}
