/** Attributes a settings control must carry so its help and error are read with it. */
export interface FieldControl {
  id: string;
  describedBy: string;
  invalid: boolean;
}
