import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

// The region that actually answered the last API call (its X-Bookstore-Region header), which after
// a failover differs from the region this copy of the site was configured for.
export interface RegionState {
  servedBy: string | null;
}

export const regionSlice = createSlice({
  name: 'region',
  initialState: { servedBy: null } as RegionState,
  reducers: {
    regionObserved(state, action: PayloadAction<string>) {
      state.servedBy = action.payload;
    },
  },
  selectors: {
    selectServedBy: (state) => state.servedBy,
  },
});

export const { regionObserved } = regionSlice.actions;
export const { selectServedBy } = regionSlice.selectors;
